import { buildSchema, isObjectType, isInterfaceType } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { displayLabelOf, NODE_LABELS } from '../../../src/graph/model.js';
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
    expect(implementations).toEqual([...NODE_LABELS].sort());
  });
});

describe('display labels', () => {
  const label = (type: string, properties: Record<string, string | number>, id = 'x:1') => displayLabelOf(type, id, properties);
  it('name practices, steps and footnotes by number, others by short name, name or title (one label for the API and the exports)', () => {
    expect(label('GoodPractice', { number: 17, title: 'Support' })).toBe('GP 17: Support');
    expect(label('Step', { number: 3, text: '…' }, 'gp:17/action:2/step:3')).toBe('GP 17 Step 3');
    expect(label('Footnote', { number: 12, text: '…' })).toBe('Footnote 12');
    expect(label('Area', { code: 'C', title: 'Local engagement' })).toBe('Area C: Local engagement');
    expect(label('Instrument', { title: 'GCTF Rome Memorandum on…', shortName: 'Rome Memorandum' })).toBe('Rome Memorandum');
    expect(label('WatchPoint', { factor: 'Corruption' })).toBe('Corruption');
    expect(label('Example', { name: 'x'.repeat(100) }).length).toBe(80);
  });
});
