import { buildSchema, isObjectType, isInterfaceType } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { displayLabel, NODE_TYPES } from '../../../src/api/display.js';
import { resolvers } from '../../../src/api/resolvers/index.js';
import { SCHEMA_PATH } from '../../../src/api/schema.js';

const schema = buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));
const resolverMap = resolvers as Record<string, Record<string, unknown> | undefined>;

describe('resolvers', () => {
  it('resolve every field of every object type explicitly (records are not shaped like the types)', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      // Edges of connections are built as { cursor, node } already.
      if (type.name.endsWith('Edge') && type.name !== 'GraphEdge') continue;
      const fields = resolverMap[type.name] ?? {};
      for (const field of Object.keys(type.getFields())) {
        if (!(field in fields)) missing.push(`${type.name}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('resolve the Node interface to every implementing type', () => {
    const node = schema.getType('Node');
    expect(isInterfaceType(node)).toBe(true);
    const implementations = schema.getPossibleTypes(node as Parameters<typeof schema.getPossibleTypes>[0]).map((type) => type.name).sort();
    expect(implementations).toEqual([...NODE_TYPES].sort());
  });
});

describe('display labels', () => {
  const node = (labels: string[], properties: Record<string, string | number>) => ({ id: 'x:1', labels, properties });
  it('name practices, steps and footnotes by number, others by short name, name or title', () => {
    expect(displayLabel(node(['GoodPractice'], { number: 17, title: 'Support…' }))).toBe('GP 17');
    expect(displayLabel(node(['Step'], { number: 3, text: '…' }))).toBe('Step 3');
    expect(displayLabel(node(['Footnote'], { number: 12, text: '…' }))).toBe('Footnote 12');
    expect(displayLabel(node(['Area'], { code: 'C', title: 'Local engagement' }))).toBe('Area C: Local engagement');
    expect(displayLabel(node(['Instrument'], { title: 'GCTF Rome Memorandum on…', shortName: 'Rome Memorandum' }))).toBe('Rome Memorandum');
    expect(displayLabel(node(['WatchPoint'], { factor: 'Corruption' }))).toBe('Corruption');
    expect(displayLabel(node(['Example'], { name: 'x'.repeat(80) })).length).toBe(60);
  });
});
