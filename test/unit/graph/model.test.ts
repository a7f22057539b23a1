// The graph model is the one declaration of the graph's vocabulary: these
// tests hold it to the schema (schema.graphql), the database schema (cypher/)
// and the graph the ingestion builds (data/graph/toolkit.graph.json).
import { buildSchema, isEnumType, isInterfaceType, isObjectType } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH } from '../../../src/api/schema.js';
import {
  EDGE_TYPES,
  FIELD_BINDINGS,
  labelOfId,
  NODE_LABELS,
  NODE_SHAPES,
  NODE_SOURCE_KEYS,
  NODE_TYPES,
  relationshipModel,
  RELATIONSHIPS,
} from '../../../src/graph/model.js';
import { readGraphFile, TOOLKIT_GRAPH_PATH } from '../../../src/store/graph-file.js';

const schema = buildSchema(readFileSync(SCHEMA_PATH, 'utf8'));
const cypherDir = path.resolve(path.dirname(SCHEMA_PATH), 'cypher');
const cypher = (name: string) => readFileSync(path.join(cypherDir, name), 'utf8');
const graph = readGraphFile(TOOLKIT_GRAPH_PATH);

describe('graph model and schema.graphql', () => {
  it('declares exactly the types that implement Node', () => {
    const node = schema.getType('Node');
    if (!isInterfaceType(node)) throw new Error('Node is not an interface');
    expect(schema.getPossibleTypes(node).map((type) => type.name).sort()).toEqual([...NODE_LABELS].sort());
  });

  it('binds every field of every node-, relationship- and graph-backed type', () => {
    const missing: string[] = [];
    const unknown: string[] = [];
    for (const typeName of [...NODE_LABELS, ...Object.keys(EDGE_TYPES), 'GraphNode', 'GraphEdge']) {
      const type = schema.getType(typeName);
      if (!isObjectType(type)) throw new Error(`${typeName} is not an object type of the schema`);
      const bindings = FIELD_BINDINGS[typeName] ?? {};
      for (const field of Object.keys(type.getFields())) if (!(field in bindings)) missing.push(`${typeName}.${field}`);
      for (const field of Object.keys(bindings)) if (!(field in type.getFields())) unknown.push(`${typeName}.${field}`);
    }
    expect(missing).toEqual([]);
    expect(unknown).toEqual([]);
  });

  it('binds link fields to declared relationships whose ends match the field type', () => {
    for (const [typeName, bindings] of Object.entries(FIELD_BINDINGS)) {
      for (const [field, binding] of Object.entries(bindings)) {
        if (binding.kind !== 'link') continue;
        const model = relationshipModel(binding.relationship);
        expect(model, `${typeName}.${field}`).toBeDefined();
        const near = binding.direction === 'out' ? model?.from : model?.to;
        expect(near, `${typeName}.${field}`).toContain(typeName);
      }
    }
  });

  it('lists the searchable types of the SearchableType enum', () => {
    const searchable = schema.getType('SearchableType');
    if (!isEnumType(searchable)) throw new Error('SearchableType is not an enum');
    const declared = NODE_TYPES.flatMap((type) => (type.search ? [type.search.searchableType] : [])).sort();
    expect(searchable.getValues().map((value) => value.name).sort()).toEqual(declared);
  });
});

describe('graph model: shapes of node types', () => {
  const shape = (label: string) => NODE_TYPES.find((type) => type.label === label)?.shape;

  it('gives every node type a declared shape, and no two types both the same shape and colour', () => {
    for (const type of NODE_TYPES) expect(Object.keys(NODE_SHAPES), type.label).toContain(type.shape);
    const looks = NODE_TYPES.map((type) => `${type.shape} ${type.colour.toLowerCase()}`);
    expect(new Set(looks).size).toBe(NODE_TYPES.length);
  });

  it('draws the types of the whole-graph overview (practices, actors, instruments) with three different shapes', () => {
    expect(new Set(['GoodPractice', 'Actor', 'Instrument'].map(shape)).size).toBe(3);
  });

  it('never gives a type the shape of a type it links to, nor two of its neighbour types one shape', () => {
    // A neighbourhood of depth 1 (the graph view's default) then shows each type with its own shape.
    for (const type of NODE_TYPES) {
      const neighbours = new Set<string>([type.label]);
      for (const model of RELATIONSHIPS) {
        if (model.from.includes(type.label)) model.to.forEach((label) => neighbours.add(label));
        if (model.to.includes(type.label)) model.from.forEach((label) => neighbours.add(label));
      }
      const shapes = [...neighbours].map((label) => `${shape(label)}`);
      expect(new Set(shapes).size, `${type.label} and its neighbours ${[...neighbours].join(', ')}: ${shapes.join(', ')}`).toBe(neighbours.size);
    }
  });

  it("matches the README's table of shapes", () => {
    const readme = readFileSync(path.resolve(path.dirname(SCHEMA_PATH), 'README.md'), 'utf8');
    const table = /<!-- node-shapes:start -->\n([\s\S]*?)<!-- node-shapes:end -->/.exec(readme)?.[1] ?? '';
    const rows = table.split('\n').slice(2).filter((line) => line.startsWith('|'));
    const expected = Object.entries(NODE_SHAPES)
      .map(([name, model]) => ({ name, model, types: NODE_TYPES.filter((type) => type.shape === name).map((type) => type.label) }))
      .filter(({ types }) => types.length > 0)
      .map(({ model, types }) => `| ${model.description} | ${types.join(', ')} | \`${model.cytoscape}\` |`);
    expect(rows.sort()).toEqual(expected.sort());
  });

  it('names a Cytoscape.js shape for every shape', () => {
    const cytoscapeShapes = ['ellipse', 'triangle', 'rectangle', 'diamond', 'pentagon', 'hexagon', 'star', 'vee', 'rhomboid', 'tag', 'concave-hexagon', 'octagon'];
    for (const [name, model] of Object.entries(NODE_SHAPES)) expect(cytoscapeShapes, name).toContain(model.cytoscape);
  });
});

describe('graph model and cypher/', () => {
  it('has an id index for every label the model says has one', () => {
    const lookups = cypher('002-lookup-indexes.cypher');
    for (const type of NODE_TYPES.filter((candidate) => candidate.idIndex)) {
      expect(lookups, type.label).toMatch(new RegExp(`FOR \\(n:${type.label}\\) ON \\(n\\.id\\)`));
    }
  });

  it('has a full-text index over every field the model searches', () => {
    // The last definition of an index wins (004 re-creates the indexes with searchVariants).
    const fulltext = ['003-fulltext-indexes.cypher', '004-search-variants.cypher'].map(cypher).join('\n');
    for (const type of NODE_TYPES) {
      if (!type.search) continue;
      const statement = fulltext.split('\n').findLast((line) => line.includes(`FULLTEXT INDEX ${type.search?.index} `));
      expect(statement, type.search.index).toContain('n.searchVariants');
      expect(statement, type.search.index).toBeDefined();
      expect(statement).toContain(type.label);
      for (const field of type.search.fields) expect(statement, `${type.search.index}.${field}`).toContain(`n.${field}`);
    }
  });
});

describe('graph model and the toolkit graph', () => {
  const labelOf = new Map(graph.nodes.map((node) => [node.id, node.labels[0] ?? '']));

  it('declares every label, id prefix and stored property of the graph', () => {
    for (const node of graph.nodes) {
      const label = node.labels[0] ?? '';
      const model = NODE_TYPES.find((type) => type.label === label);
      expect(model, label).toBeDefined();
      expect(labelOfId(node.id), node.id).toBe(label);
      const allowed = new Set([...(model?.properties ?? []), ...NODE_SOURCE_KEYS]);
      for (const key of Object.keys(node.properties)) expect(allowed.has(key), `${label}.${key}`).toBe(true);
    }
  });

  it('declares every relationship type with its ends and properties', () => {
    const declaredTypes = new Set(RELATIONSHIPS.map((model) => model.type));
    for (const relationship of graph.relationships) {
      expect(declaredTypes.has(relationship.type), relationship.type).toBe(true);
      const model = relationshipModel(relationship.type);
      expect(model?.from, `${relationship.type} from`).toContain(labelOf.get(relationship.start));
      expect(model?.to, `${relationship.type} to`).toContain(labelOf.get(relationship.end));
      const allowed = new Set([...(model?.properties ?? []), 'sourceStartLine', 'sourceEndLine', 'sourcePage', 'text']);
      for (const key of Object.keys(relationship.properties)) expect(allowed.has(key), `${relationship.type}.${key}`).toBe(true);
    }
  });
});
