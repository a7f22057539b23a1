// Converts values read from Neo4j into plain JSON values: the driver returns
// integers as its own Integer type unless the driver was built with
// disableLosslessIntegers, and the export must not depend on that setting.
import neo4j from 'neo4j-driver';

export type PlainValue = string | number | boolean | null | PlainValue[] | { [key: string]: PlainValue };

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

/** A node or relationship property value as stored (scalars or arrays of scalars). */
export type PropertyValue = string | number | boolean | string[] | number[] | boolean[];

export function toProperties(value: unknown): Record<string, PropertyValue> {
  const plain = toPlainValue(value);
  const out: Record<string, PropertyValue> = {};
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) return out;
  for (const [key, inner] of Object.entries(plain)) {
    if (inner === null) continue;
    if (Array.isArray(inner)) {
      out[key] = inner.filter((item) => item !== null && typeof item !== 'object') as string[] | number[] | boolean[];
    } else if (typeof inner !== 'object') {
      out[key] = inner;
    }
  }
  return out;
}
