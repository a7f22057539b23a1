// The explorer's static build (web/dist): `npm start` on a fresh clone builds
// it when it is missing or older than its sources, so `/` is never a 404.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');

/** Files whose change makes web/dist stale: the sources, the page, the public files, the build config and the service modules it bundles. */
function newestSourceTime(webDir: string): number {
  let newest = 0;
  const visit = (entry: string): void => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (!stat.isDirectory()) {
      newest = Math.max(newest, stat.mtimeMs);
      return;
    }
    for (const child of readdirSync(entry)) visit(path.join(entry, child));
  };
  for (const name of ['src', 'public', 'index.html', 'vite.config.ts']) visit(path.join(webDir, name));
  for (const file of serviceModulesOf(webDir)) newest = Math.max(newest, statSync(file).mtimeMs);
  return newest;
}

const IMPORT = /(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g;

/**
 * The service's modules the explorer bundles (the graph model, the Cytoscape
 * style…): those web/src imports from outside web/, and what they import in
 * turn. A change to the graph model changes the explorer too.
 */
function serviceModulesOf(webDir: string): string[] {
  const found = new Set<string>();
  const sources: string[] = [];
  const collect = (entry: string): void => {
    if (!existsSync(entry)) return;
    if (statSync(entry).isDirectory()) readdirSync(entry).forEach((child) => collect(path.join(entry, child)));
    else if (/\.tsx?$/.test(entry)) sources.push(entry);
  };
  collect(path.join(webDir, 'src'));
  const webRoot = path.resolve(webDir) + path.sep;
  while (sources.length > 0) {
    const file = sources.pop()!;
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = path.resolve(path.dirname(file), specifier!).replace(/\.js$/, '.ts');
      if (target.startsWith(webRoot) || found.has(target) || !existsSync(target)) continue;
      found.add(target);
      sources.push(target);
    }
  }
  return [...found];
}

export type WebBuildState = 'current' | 'missing' | 'stale';

export function webBuildState(webDir: string, outDir = path.join(webDir, 'dist')): WebBuildState {
  const built = path.join(outDir, 'index.html');
  if (!existsSync(built)) return 'missing';
  return statSync(built).mtimeMs >= newestSourceTime(webDir) ? 'current' : 'stale';
}

export interface EnsureWebBuildOptions {
  webDir?: string;
  outDir?: string;
  log?: (line: string) => void;
}

/**
 * Builds the explorer with Vite when its build is missing or stale. Returns
 * what it found; a missing Vite (production install without dev dependencies)
 * is reported, not fatal: the API still serves.
 */
export async function ensureWebBuild(options: EnsureWebBuildOptions = {}): Promise<WebBuildState> {
  const webDir = options.webDir ?? WEB_DIR;
  const outDir = options.outDir ?? path.join(webDir, 'dist');
  const log = options.log ?? (() => {});
  const state = webBuildState(webDir, outDir);
  if (state === 'current') return state;
  log(state === 'missing' ? `The explorer is not built (${outDir}): building it now` : `The explorer's sources changed since ${outDir} was built: rebuilding it`);
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    log('Vite is not installed (npm ci installs it): the explorer is not served until `npm run web:build`');
    return state;
  }
  const started = Date.now();
  await vite.build({ configFile: path.join(webDir, 'vite.config.ts'), root: webDir, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  log(`Built the explorer into ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return state;
}
