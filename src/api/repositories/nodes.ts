// Nodes by id and by label: the lookups behind `node`, `nodes` and the plain lists.
import type { Node as Neo4jNode } from 'neo4j-driver';
import type { GraphReader } from '../graph-reader.js';
import type { NodeRecord } from '../model.js';
import { toNodeRecord } from '../neo4j-values.js';

export async function readNodesById(reader: GraphReader, ids: readonly string[]): Promise<(NodeRecord | null)[]> {
  const records = await reader.read<{ n: Neo4jNode }>('MATCH (n:Node) WHERE n.id IN $ids RETURN n', {
    ids: [...new Set(ids)],
  });
  const byId = new Map<string, NodeRecord>();
  for (const record of records) {
    const node = toNodeRecord(record.get('n'));
    byId.set(node.id, node);
  }
  return ids.map((id) => byId.get(id) ?? null);
}

export async function readPracticesByNumber(reader: GraphReader, numbers: readonly number[]): Promise<(NodeRecord | null)[]> {
  const records = await reader.read<{ gp: Neo4jNode }>(
    'MATCH (gp:GoodPractice) WHERE gp.number IN $numbers RETURN gp',
    { numbers: [...new Set(numbers)] },
  );
  const byNumber = new Map<number, NodeRecord>();
  for (const record of records) {
    const node = toNodeRecord(record.get('gp'));
    const number = node.properties['number'];
    if (typeof number === 'number') byNumber.set(number, node);
  }
  return numbers.map((number) => byNumber.get(number) ?? null);
}

/** Labels the plain list fields may read; the label is spliced into Cypher, so it must be one of these. */
export const LISTABLE_LABELS = [
  'Area',
  'Footnote',
  'NexusFamily',
  'Manifestation',
  'Notion',
  'RegionalContext',
  'WatchPoint',
  'RegionalMeeting',
  'Organization',
  'Country',
  'Document',
] as const;
export type ListableLabel = (typeof LISTABLE_LABELS)[number];

export interface ListOptions {
  /** Case-insensitive words of the name (Organization, Country: name or alias). */
  name?: string | null | undefined;
  /** Exact category (WatchPoint). */
  category?: string | null | undefined;
}

/** All nodes of a label in their natural order (order, code, number, letter, name). */
export async function readNodesByLabel(reader: GraphReader, label: ListableLabel, options: ListOptions = {}): Promise<NodeRecord[]> {
  const records = await reader.read<{ n: Neo4jNode }>(
    `MATCH (n:${label})
WHERE ($name IS NULL OR toLower(n.name) CONTAINS $name OR any(alias IN coalesce(n.aliases, []) WHERE toLower(alias) CONTAINS $name))
  AND ($category IS NULL OR toLower(n.category) = $category)
RETURN n ORDER BY n.order, n.code, n.number, n.letter, n.name, n.id`,
    {
      name: options.name ? options.name.trim().toLowerCase() : null,
      category: options.category ? options.category.trim().toLowerCase() : null,
    },
  );
  return records.map((record) => toNodeRecord(record.get('n')));
}
