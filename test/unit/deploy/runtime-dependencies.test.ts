// The image installs production dependencies only (`npm ci --omit=dev`): every
// package the compiled service loads must be in `dependencies`, not `devDependencies`.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../src/store/config.js';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
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

  it('every package the service loads is a production dependency', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const missing = sourceFiles(path.join(REPO_ROOT, 'src')).flatMap((file) =>
      runtimePackages(fs.readFileSync(file, 'utf8'))
        .filter((name) => !(name in manifest.dependencies))
        .map((name) => `${path.relative(REPO_ROOT, file)}: ${name}`),
    );
    expect(missing).toEqual([]);
  });
});
