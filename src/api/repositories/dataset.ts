// The loaded dataset (the Dataset node the store writes on every load).
import type { GraphReader } from '../graph-reader.js';
import type { DatasetRecord } from '../model.js';
import { toNumber } from '../neo4j-values.js';

interface DatasetRow {
  version: string;
  sourceSha256: string;
  loadedAt: string | null;
  nodeCount: unknown;
  relationshipCount: unknown;
}

export async function readDataset(reader: GraphReader): Promise<DatasetRecord | null> {
  const records = await reader.read<DatasetRow>(
    `MATCH (d:Dataset) WHERE d.version IS NOT NULL
WITH d ORDER BY d.loadedAt DESC LIMIT 1
CALL () { MATCH (n:Node) RETURN count(n) AS nodeCount }
CALL () { MATCH (:Node)-[r]->(:Node) RETURN count(r) AS relationshipCount }
RETURN d.version AS version, d.sourceSha256 AS sourceSha256,
  CASE WHEN d.loadedAt IS NULL THEN null ELSE toString(d.loadedAt) END AS loadedAt,
  nodeCount, relationshipCount`,
  );
  const record = records[0];
  if (!record) return null;
  return {
    version: record.get('version'),
    sourceSha256: record.get('sourceSha256'),
    loadedAt: record.get('loadedAt'),
    nodeCount: toNumber(record.get('nodeCount')) ?? 0,
    relationshipCount: toNumber(record.get('relationshipCount')) ?? 0,
  };
}
