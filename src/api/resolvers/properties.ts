// Reading typed fields off stored records. A property the graph format
// promises but a record lacks is a data error, reported as such.
import { numberProperty, stringListProperty, stringProperty } from '../../graph/values.js';
import type { EdgeRecord, NodeRecord, SourceRecord } from '../model.js';
import { sourceOf } from '../model.js';

type StoredRecord = NodeRecord | EdgeRecord;

function describe(record: StoredRecord): string {
  return 'labels' in record ? `node ${record.id}` : `relationship ${record.id}`;
}

export function requiredString(record: StoredRecord, key: string): string {
  const value = stringProperty(record, key);
  if (value === null) throw new Error(`The graph is missing "${key}" on ${describe(record)}`);
  return value;
}

export function requiredNumber(record: StoredRecord, key: string): number {
  const value = numberProperty(record, key);
  if (value === null) throw new Error(`The graph is missing "${key}" on ${describe(record)}`);
  return value;
}

export function optionalString(record: StoredRecord, key: string): string | null {
  return stringProperty(record, key);
}

export function optionalNumber(record: StoredRecord, key: string): number | null {
  return numberProperty(record, key);
}

export function stringList(record: StoredRecord, key: string): string[] {
  return stringListProperty(record, key);
}

/** Web addresses that parse as URLs (the URL scalar rejects anything else). */
export function urlList(record: StoredRecord, key: string): string[] {
  return stringListProperty(record, key).filter((url) => URL.canParse(url));
}

export function requiredSource(record: StoredRecord): SourceRecord {
  const source = sourceOf(record);
  if (!source) throw new Error(`The graph has no provenance on ${describe(record)}`);
  return source;
}

export function optionalSource(record: StoredRecord): SourceRecord | null {
  return sourceOf(record);
}
