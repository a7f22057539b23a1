// Reads a serialised graph file (docs/graph-format.md) and checks that it can
// be loaded as is: a bad file is refused before any transaction is opened.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { GRAPH_FORMAT, type PropertyValue, type SerialisedGraph } from '../graph/serialised.js';
import { REPO_ROOT } from './config.js';

export const TOOLKIT_GRAPH_PATH = path.join(REPO_ROOT, 'data', 'graph', 'toolkit.graph.json');

export class GraphFileError extends Error {
  override name = 'GraphFileError';
}

/** Labels and relationship types are written into Cypher text (they cannot be parameters), so they must be plain identifiers. */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Labels the store itself uses; the graph may not bring them. */
const RESERVED_LABELS = new Set(['Node', 'Dataset', 'Migration']);

function isPropertyValue(value: unknown): value is PropertyValue {
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (!Array.isArray(value)) return false;
  if (value.every((item) => typeof item === 'string')) return true;
  return value.every((item) => typeof item === 'number' && Number.isFinite(item));
}

function checkProperties(properties: unknown, where: string, problems: string[]): void {
  if (typeof properties !== 'object' || properties === null || Array.isArray(properties)) {
    problems.push(`${where}: "properties" must be an object`);
    return;
  }
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'id') problems.push(`${where}: property "id" is reserved (the id is stored from the record's "id")`);
    else if (!isPropertyValue(value)) problems.push(`${where}: property "${key}" is not a string, number, boolean or homogeneous array`);
  }
}

/** Returns the problems that would stop `graph` from loading; empty when it is loadable. */
export function findGraphProblems(graph: unknown, limit = 20): string[] {
  const problems: string[] = [];
  if (typeof graph !== 'object' || graph === null) return ['the file does not hold a JSON object'];
  const candidate = graph as Partial<Record<keyof SerialisedGraph, unknown>>;
  if (candidate.format !== GRAPH_FORMAT) problems.push(`"format" must be "${GRAPH_FORMAT}", got ${JSON.stringify(candidate.format)}`);
  const dataset = candidate.dataset as Record<string, unknown> | undefined;
  for (const key of ['version', 'sourceSha256', 'sourcePath']) {
    if (typeof dataset?.[key] !== 'string' || dataset[key] === '') problems.push(`"dataset.${key}" must be a non-empty string`);
  }
  if (!Array.isArray(candidate.nodes)) problems.push('"nodes" must be an array');
  if (!Array.isArray(candidate.relationships)) problems.push('"relationships" must be an array');
  if (problems.length > 0) return problems;

  const ids = new Set<string>();
  (candidate.nodes as unknown[]).forEach((raw, index) => {
    const node = raw as { id?: unknown; labels?: unknown; properties?: unknown };
    const where = `nodes[${index}]${typeof node.id === 'string' ? ` (${node.id})` : ''}`;
    if (typeof node.id !== 'string' || node.id === '') problems.push(`${where}: "id" must be a non-empty string`);
    else if (ids.has(node.id)) problems.push(`${where}: duplicate node id`);
    else ids.add(node.id);
    if (!Array.isArray(node.labels) || node.labels.length === 0) problems.push(`${where}: "labels" must be a non-empty array`);
    else {
      for (const label of node.labels) {
        if (typeof label !== 'string' || !IDENTIFIER.test(label)) problems.push(`${where}: label ${JSON.stringify(label)} is not a plain identifier`);
        else if (RESERVED_LABELS.has(label)) problems.push(`${where}: label "${label}" is reserved by the store`);
      }
    }
    checkProperties(node.properties, where, problems);
  });

  const relationshipIds = new Set<string>();
  (candidate.relationships as unknown[]).forEach((raw, index) => {
    const relationship = raw as { id?: unknown; type?: unknown; start?: unknown; end?: unknown; properties?: unknown };
    const where = `relationships[${index}]${typeof relationship.id === 'string' ? ` (${relationship.id})` : ''}`;
    if (typeof relationship.id !== 'string' || relationship.id === '') problems.push(`${where}: "id" must be a non-empty string`);
    else if (relationshipIds.has(relationship.id)) problems.push(`${where}: duplicate relationship id`);
    else relationshipIds.add(relationship.id);
    if (typeof relationship.type !== 'string' || !IDENTIFIER.test(relationship.type)) {
      problems.push(`${where}: type ${JSON.stringify(relationship.type)} is not a plain identifier`);
    }
    for (const end of ['start', 'end'] as const) {
      const target = relationship[end];
      if (typeof target !== 'string' || !ids.has(target)) problems.push(`${where}: "${end}" ${JSON.stringify(target)} is not the id of a node in the file`);
    }
    checkProperties(relationship.properties, where, problems);
  });
  if (problems.length > limit) return [...problems.slice(0, limit), `... and ${problems.length - limit} more`];
  return problems;
}

/** Throws GraphFileError listing the problems when `graph` cannot be loaded. */
export function assertLoadableGraph(graph: unknown, origin = 'the graph'): asserts graph is SerialisedGraph {
  const problems = findGraphProblems(graph);
  if (problems.length > 0) throw new GraphFileError(`${origin} cannot be loaded:\n  - ${problems.join('\n  - ')}`);
}

export function readGraphFile(file: string): SerialisedGraph {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GraphFileError(code === 'ENOENT' ? `graph file not found: ${file}` : `cannot read the graph file ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new GraphFileError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const name = path.relative(REPO_ROOT, file) || file;
  assertLoadableGraph(parsed, name);
  const content = graphContentVersion(parsed);
  if (content !== parsed.dataset.version) {
    throw new GraphFileError(
      `${name} claims dataset version ${parsed.dataset.version.slice(0, 12)}, but its nodes and relationships hash to ${content.slice(0, 12)}: ` +
        'the file was changed after it was built; rebuild it with `npm run ingest:build`',
    );
  }
  return parsed;
}

/** The dataset version of a graph: SHA-256 of the canonical JSON of its nodes and relationships, as `npm run ingest:build` writes it. */
export function graphContentVersion(graph: Pick<SerialisedGraph, 'nodes' | 'relationships'>): string {
  return createHash('sha256').update(JSON.stringify({ nodes: graph.nodes, relationships: graph.relationships })).digest('hex');
}
