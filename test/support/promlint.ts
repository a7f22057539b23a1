// Checks a Prometheus text exposition with tools/promlint: the parser of the
// Prometheus client libraries (expfmt) and the naming rules of
// `promtool check metrics`. Needs Go; the module comes from the Go module proxy.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/store/config.js';

const SOURCE = path.join(REPO_ROOT, 'tools', 'promlint');
const BINARY = path.join(REPO_ROOT, '.tmp', 'promlint');

function build(): void {
  const sourceTime = Math.max(...fs.readdirSync(SOURCE).map((file) => fs.statSync(path.join(SOURCE, file)).mtimeMs));
  if (fs.existsSync(BINARY) && fs.statSync(BINARY).mtimeMs > sourceTime) return;
  fs.mkdirSync(path.dirname(BINARY), { recursive: true });
  const result = spawnSync('go', ['build', '-o', BINARY, '.'], { cwd: SOURCE, encoding: 'utf8', timeout: 300_000 });
  if (result.error) throw new Error(`tools/promlint needs Go (go build failed: ${result.error.message})`);
  if (result.status !== 0) throw new Error(`go build of tools/promlint failed:\n${result.stderr}`);
}

export interface LintResult {
  status: number | null;
  /** One line per problem: `metric_name: text`; a parse error on stderr. */
  stdout: string;
  stderr: string;
}

export function promlint(exposition: string): LintResult {
  build();
  const result = spawnSync(BINARY, [], { input: exposition, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
