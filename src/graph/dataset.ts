// The one notion of the current dataset: the Dataset node the store writes on
// every load (key "toolkit"), with the counts it verified when loading.
import type { GraphReader } from './reader.js';
import { toNumber } from './values.js';

/** The single Dataset node is found by this key. */
export const DATASET_KEY = 'toolkit';

export interface DatasetRecord {
  version: string;
  sourceSha256: string;
  sourcePath: string | null;
  loadedAt: string | null;
  nodeCount: number;
  relationshipCount: number;
  /** When the network analytics (src/analytics) of this version were last stored; null before. */
  analyticsComputedAt: string | null;
}

export const DATASET_STATEMENT = `MATCH (d:Dataset {key: $key})
RETURN d.version AS version, d.sourceSha256 AS sourceSha256, d.sourcePath AS sourcePath,
  CASE WHEN d.loadedAt IS NULL THEN null ELSE toString(d.loadedAt) END AS loadedAt,
  d.nodeCount AS nodeCount, d.relationshipCount AS relationshipCount, d.analyticsComputedAt AS analyticsComputedAt`;

interface DatasetRow {
  version: string | null;
  sourceSha256: string | null;
  sourcePath: string | null;
  loadedAt: string | null;
  nodeCount: unknown;
  relationshipCount: unknown;
  analyticsComputedAt: string | null;
}

export async function readCurrentDataset(reader: GraphReader): Promise<DatasetRecord | null> {
  const [row] = await reader.read<DatasetRow>(DATASET_STATEMENT, { key: DATASET_KEY });
  const version = row?.get('version');
  if (!row || typeof version !== 'string') return null;
  return {
    version,
    sourceSha256: row.get('sourceSha256') ?? '',
    sourcePath: row.get('sourcePath'),
    loadedAt: row.get('loadedAt'),
    nodeCount: toNumber(row.get('nodeCount')) ?? 0,
    relationshipCount: toNumber(row.get('relationshipCount')) ?? 0,
    analyticsComputedAt: row.get('analyticsComputedAt') ?? null,
  };
}
