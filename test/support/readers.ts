// Third-party readers of the exports, installed by the project itself:
// networkx and igraph in a Python venv made from PyPI (.tmp/python-venv), and
// JGraphT through the small Maven project in tools/jgrapht-reader.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

// Readers run asynchronously: the service under test lives in the same process.
const run = promisify(execFile);

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const READERS = path.join(ROOT, 'test', 'support', 'readers');
const VENV = path.join(ROOT, '.tmp', 'python-venv');
const JGRAPHT = path.join(ROOT, 'tools', 'jgrapht-reader');

function systemPython(): string {
  for (const candidate of ['/usr/bin/python3', 'python3']) {
    if (spawnSync(candidate, ['-c', 'import venv, ensurepip'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  throw new Error('Python 3 with the venv module is needed for the export tests (Debian: apt-get install python3-venv)');
}

/** The venv's python, creating the venv and installing the pinned requirements when they changed. */
export function pythonWithReaders(): string {
  const requirements = path.join(READERS, 'requirements.txt');
  const digest = createHash('sha256').update(fs.readFileSync(requirements)).digest('hex');
  const stamp = path.join(VENV, 'requirements.sha256');
  const python = path.join(VENV, 'bin', 'python');
  if (fs.existsSync(python) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest) return python;
  fs.rmSync(VENV, { recursive: true, force: true });
  execFileSync(systemPython(), ['-m', 'venv', VENV], { stdio: 'inherit' });
  execFileSync(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '-r', requirements], { stdio: 'inherit' });
  fs.writeFileSync(stamp, digest);
  return python;
}

export interface PythonReaders {
  networkx: { nodes: number; edges: number; graph_ids: string[]; sample: Record<string, Record<string, unknown>>; graph: Record<string, unknown> };
  igraph?: { nodes: number; edges: number; directed: boolean; graph_ids: string[]; sample: Record<string, Record<string, unknown>>; graph: Record<string, unknown> };
}

export async function readWithPython(kind: 'graphml' | 'gexf', file: string, sampleIds: string[] = []): Promise<PythonReaders> {
  const { stdout } = await run(pythonWithReaders(), [path.join(READERS, 'read_export.py'), kind, file, ...sampleIds], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as PythonReaders;
}

/** Compiles tools/jgrapht-reader when its classes or classpath are missing or older than its sources. */
export function jgraphtClasspath(): string {
  const classpathFile = path.join(JGRAPHT, 'target', 'classpath.txt');
  const source = path.join(JGRAPHT, 'src', 'main', 'java', 'org', 'nexustoolkit', 'jgrapht', 'ReadExport.java');
  const compiled = path.join(JGRAPHT, 'target', 'classes', 'org', 'nexustoolkit', 'jgrapht', 'ReadExport.class');
  const stale =
    !fs.existsSync(classpathFile) ||
    !fs.existsSync(compiled) ||
    fs.statSync(compiled).mtimeMs < Math.max(fs.statSync(source).mtimeMs, fs.statSync(path.join(JGRAPHT, 'pom.xml')).mtimeMs);
  if (stale) execFileSync('mvn', ['-B', '-q', '-f', path.join(JGRAPHT, 'pom.xml'), 'compile'], { stdio: 'inherit' });
  return `${path.join(JGRAPHT, 'target', 'classes')}${path.delimiter}${fs.readFileSync(classpathFile, 'utf8').trim()}`;
}

export interface JGraphTReading {
  nodes: number;
  edges: number;
  ids: string[];
  /** The analytics_* attributes of each node that has them, by graph id: the value as written and JGraphT's type. */
  analytics: Record<string, Record<string, { value: string; type: string }>>;
}

/** Reads a file with JGraphT's GraphML importer (schema validation on) or its GEXF importer. */
export async function readWithJGraphT(kind: 'graphml' | 'gexf', file: string): Promise<JGraphTReading> {
  const { stdout } = await run('java', ['-cp', jgraphtClasspath(), 'org.nexustoolkit.jgrapht.ReadExport', kind, file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as JGraphTReading;
}
