// The image installs production dependencies only (`npm ci --omit=dev`): every
// package the compiled service loads must be in `dependencies`, not `devDependencies`
// (the ingest pipeline, which builds data/graph/ at development time, is compiled but never loaded).
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../src/store/config.js';

/** What the image runs: the server, its tracing preload (`--import`), and the store commands an operator may run there. */
const ENTRY_POINTS = ['src/main.ts', 'src/observability/tracing.ts', 'src/store/cli/ingest.ts', 'src/store/cli/db-start.ts', 'src/store/cli/db-stop.ts'];

/**
 * Development-time imports the service makes only when they are installed, each
 * guarded by a catch that reports their absence; the image never reaches them.
 */
const GUARDED_DEV_IMPORTS: Record<string, string> = {
  // `npm start` on a clone builds a missing explorer; the image ships web/dist and logs if Vite is absent.
  'src/api/web-build.ts: vite': 'explorer build on a fresh clone',
};

/** Modules reachable from the entry points through relative imports (`./x.js` is `./x.ts`). */
function reachableModules(): string[] {
  const seen = new Set<string>();
  const queue = ENTRY_POINTS.map((entry) => path.join(REPO_ROOT, entry));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:from\s+|import\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      queue.push(path.resolve(path.dirname(file), match[1]!.replace(/\.js$/, '.ts')));
    }
  }
  return [...seen];
}

/** Packages a module loads at run time: `import type` is erased, everything else stays (verbatimModuleSyntax). */
function runtimePackages(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/^\s*import\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm),
    ...source.matchAll(/^\s*export\s+(?!type\s)[^'"]*?\sfrom\s+['"]([^'"]+)['"]/gm),
    ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...source.matchAll(/packageDirectory\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((match) => match[1]!);
  return specifiers
    .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:') && !builtinModules.includes(specifier))
    .map((specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
}

describe('runtime dependencies', () => {
  it('reads value imports and skips type-only ones', () => {
    const source = [
      "import express from 'express';",
      "import type { Driver } from 'neo4j-driver';",
      "import { type Logger, pino } from 'pino';",
      "import { ApolloServerErrorCode } from '@apollo/server/errors';",
      "import path from 'node:path';",
      "import { x } from './local.js';",
      "const lazy = await import('graphology');",
    ].join('\n');
    expect(runtimePackages(source).sort()).toEqual(['@apollo/server', 'express', 'graphology', 'pino']);
  });

  it('every package the service and its store commands load is a production dependency', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const modules = reachableModules();
    expect(modules.length).toBeGreaterThan(30);
    expect(modules.map((file) => path.relative(REPO_ROOT, file))).toContain('src/api/server.ts');
    const missing = modules.flatMap((file) =>
      runtimePackages(fs.readFileSync(file, 'utf8'))
        .filter((name) => !(name in manifest.dependencies))
        .map((name) => `${path.relative(REPO_ROOT, file)}: ${name}`)
        .filter((entry) => !(entry in GUARDED_DEV_IMPORTS)),
    );
    expect(missing).toEqual([]);
  });
});
