// Flattens node and edge properties into typed columns, the model GraphML and
// GEXF share: every column has one scalar type, and arrays (which neither
// format represents portably) become JSON strings.
import type { PropertyValue } from '../graph/values.js';

export type ColumnType = 'boolean' | 'long' | 'double' | 'string';
export type ScalarValue = string | number | boolean;

export interface Column {
  name: string;
  type: ColumnType;
}

function kindOf(value: PropertyValue): ColumnType {
  if (Array.isArray(value)) return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'long' : 'double';
  return 'string';
}

function widen(left: ColumnType | undefined, right: ColumnType): ColumnType {
  if (left === undefined || left === right) return right;
  const numeric = new Set<ColumnType>(['long', 'double']);
  if (numeric.has(left) && numeric.has(right)) return 'double';
  return 'string';
}

/** Columns in a stable order: the reserved ones first, then properties by name. */
export function inferColumns(rows: ReadonlyArray<Record<string, PropertyValue>>, reserved: readonly Column[]): Column[] {
  const types = new Map<string, ColumnType>();
  for (const row of rows) {
    for (const [name, value] of Object.entries(row)) types.set(name, widen(types.get(name), kindOf(value)));
  }
  const reservedNames = new Set(reserved.map((column) => column.name));
  const properties = [...types.entries()]
    .filter(([name]) => !reservedNames.has(name))
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
    .map(([name, type]) => ({ name, type }));
  return [...reserved, ...properties];
}

/** The value as its column stores it. */
export function toColumnValue(value: PropertyValue, type: ColumnType): ScalarValue {
  if (Array.isArray(value)) return JSON.stringify(value);
  if (type === 'string') return typeof value === 'string' ? value : String(value);
  return value;
}
