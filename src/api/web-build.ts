// The explorer's static build (web/dist): `npm start` on a fresh clone builds
// it when it is missing or older than its sources, so `/` is never a 404.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');

/** Files whose change makes web/dist stale: the sources, the page, the public files and the build config. */
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
  return newest;
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
