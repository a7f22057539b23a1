// The one conversion of what the driver returns (Integer, BigInt, nested maps
// and lists, map projections of nodes and relationships) into the plain
// records every layer uses, whatever the driver's disableLosslessIntegers setting.
import neo4j from 'neo4j-driver';
import { nodeLabelOf, perLabelKeys, TECHNICAL_LABEL, type PerLabelKeys } from './model.js';

export type Scalar = string | number | boolean;
export type PropertyValue = Scalar | Scalar[];
export type Properties = Record<string, PropertyValue>;
export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };

/**
 * Which stored properties a record was read with: a list of keys (a map
 * projection), or '*' (every property). A record covers a projection when it
 * was read with at least those keys.
 */
export type Projected = readonly string[] | '*';

/** A node as read: its id, labels (without the technical `Node` label) and the properties read. */
export interface NodeRecord {
  id: string;
  labels: string[];
  properties: Properties;
  projected: Projected;
}

/** A relationship as read, oriented as stored (start → end). */
export interface EdgeRecord {
  id: string;
  type: string;
  startId: string;
  endId: string;
  properties: Properties;
  projected: Projected;
  /** The nodes at either end, when the statement read them with the relationship. */
  start?: NodeRecord;
  end?: NodeRecord;
}

export function toNumber(value: unknown): number | null {
  if (neo4j.isInt(value)) return value.toNumber();
  if (typeof value === 'bigint') return Number(value);
  return typeof value === 'number' ? value : null;
}

export function toPlainValue(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return value.toNumber();
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(toPlainValue);
  if (typeof value === 'object') {
    const out: { [key: string]: PlainValue } = {};
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) out[key] = toPlainValue(inner);
    return out;
  }
  return String(value);
}

function toScalar(value: unknown): Scalar | null {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return toNumber(value);
}

function toPropertyValue(value: unknown): PropertyValue | null {
  if (Array.isArray(value)) return value.map(toScalar).filter((item): item is Scalar => item !== null);
  return toScalar(value);
}

/** Stored properties of a map: null (an absent property in a projection) and `__`-keys are left out. */
export function toProperties(raw: Readonly<Record<string, unknown>>): Properties {
  const properties: Properties = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith('__')) continue;
    const converted = toPropertyValue(value);
    if (converted !== null) properties[key] = converted;
  }
  return properties;
}

/**
 * A node from a map projection `n{.id, .title, __labels: labels(n)}` (or
 * `n{.*, __labels: labels(n)}` when `projected` is '*').
 */
export function toNodeRecord(raw: Readonly<Record<string, unknown>>, projected: Projected, knownLabel?: string): NodeRecord {
  const properties = toProperties(raw);
  const read = raw['__labels'] as string[] | undefined;
  const labels = (read ?? (knownLabel ? [knownLabel] : [])).filter((label) => label !== TECHNICAL_LABEL);
  const id = properties['id'];
  delete properties['id'];
  const sorted = sortLabels(labels);
  const values = raw['__perLabel'];
  if (Array.isArray(values)) {
    // What a per-label view reads (plan `perLabel`), kept as properties; the record does not claim them as projected keys.
    const kinds = String(raw['__perLabelKinds'] ?? '').split(',') as PerLabelKeys[];
    const keys = perLabelKeys(nodeLabelOf(sorted), kinds);
    keys.forEach((key, index) => {
      const value = toPropertyValue(values[index]);
      if (value !== null && !(key in properties)) properties[key] = value;
    });
  }
  return { id: typeof id === 'string' ? id : '', labels: sorted, properties, projected };
}

/** The node's own label first, so `labels[0]` is its type. */
function sortLabels(labels: string[]): string[] {
  if (labels.length < 2) return labels;
  const own = nodeLabelOf(labels);
  return [own, ...labels.filter((label) => label !== own).sort()];
}

/** A relationship from a map projection `r{.id, .text}` with its type and the ids of its stored ends. */
export function toEdgeRecord(
  raw: Readonly<Record<string, unknown>>,
  type: string,
  startId: string,
  endId: string,
  projected: Projected,
): EdgeRecord {
  const properties = toProperties(raw);
  const id = properties['id'];
  delete properties['id'];
  return { id: typeof id === 'string' ? id : `${type}:${startId}->${endId}`, type, startId, endId, properties, projected };
}

/** True when a record read with `projected` holds every key of `wanted`. */
export function covers(projected: Projected, wanted: Projected): boolean {
  if (projected === '*') return true;
  if (wanted === '*') return false;
  return wanted.every((key) => projected.includes(key));
}

export function stringProperty(record: { properties: Properties }, key: string): string | null {
  const value = record.properties[key];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

export function numberProperty(record: { properties: Properties }, key: string): number | null {
  const value = record.properties[key];
  return typeof value === 'number' ? value : null;
}

export function stringListProperty(record: { properties: Properties }, key: string): string[] {
  const value = record.properties[key];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? [value] : [];
}
