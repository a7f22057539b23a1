// Turns what the driver returns (Integer, Node, Relationship) into the plain
// records of model.ts, whatever the driver's disableLosslessIntegers setting.
import { SEARCH_VARIANTS_PROPERTY } from '../search/spelling-variants.js';
import neo4j, { type Node as Neo4jNode, type Relationship } from 'neo4j-driver';
import type { EdgeRecord, NodeRecord, Properties, PropertyValue, Scalar } from './model.js';

/** The technical label every toolkit node carries besides its own. */
export const TECHNICAL_LABEL = 'Node';

export function toNumber(value: unknown): number | null {
  if (neo4j.isInt(value)) return value.toNumber();
  if (typeof value === 'bigint') return Number(value);
  return typeof value === 'number' ? value : null;
}

function toScalar(value: unknown): Scalar | null {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return toNumber(value);
}

function toPropertyValue(value: unknown): PropertyValue | null {
  if (Array.isArray(value)) return value.map(toScalar).filter((item): item is Scalar => item !== null);
  return toScalar(value);
}

export function toProperties(raw: Record<string, unknown>): Properties {
  const properties: Properties = {};
  for (const [key, value] of Object.entries(raw)) {
    const converted = toPropertyValue(value);
    if (converted !== null) properties[key] = converted;
  }
  return properties;
}

export function toNodeRecord(node: Neo4jNode): NodeRecord {
  const properties = toProperties(node.properties as Record<string, unknown>);
  // Derived at load time for the full-text indexes; not part of the toolkit's data.
  delete properties[SEARCH_VARIANTS_PROPERTY];
  const id = properties['id'];
  return {
    id: typeof id === 'string' ? id : node.elementId,
    labels: node.labels.filter((label) => label !== TECHNICAL_LABEL),
    properties,
  };
}

/** A relationship with the ids of its stored start and end nodes (read alongside it). */
export function toEdgeRecord(relationship: Relationship, startId: string, endId: string): EdgeRecord {
  const properties = toProperties(relationship.properties as Record<string, unknown>);
  const id = properties['id'];
  return {
    id: typeof id === 'string' ? id : `${relationship.type}:${startId}->${endId}`,
    type: relationship.type,
    startId,
    endId,
    properties,
  };
}
