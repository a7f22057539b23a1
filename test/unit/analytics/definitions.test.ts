// The analytics declarations stay inside the one model of the graph, and the
// pure helpers of the computation order and number things deterministically.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { numberCommunities, procedureConfig, rankScores } from '../../../src/analytics/compute.js';
import { ANALYSES, ANALYTICS_NODE_LABELS, DERIVED_LABEL_LIST, PROJECTIONS } from '../../../src/analytics/definitions.js';
import { NODE_LABELS, relationshipModel } from '../../../src/graph/model.js';

describe('analytics definitions', () => {
  it('project only labels and relationship types the model declares, with ends the model allows', () => {
    for (const projection of Object.values(PROJECTIONS)) {
      for (const label of projection.nodeLabels) expect(NODE_LABELS).toContain(label);
      for (const type of projection.relationshipTypes) {
        const model = relationshipModel(type);
        expect(model, type).toBeDefined();
        expect(model!.from.every((label) => (ANALYTICS_NODE_LABELS as readonly string[]).includes(label))).toBe(true);
      }
      // The statement names its graph by parameter and yields the counts the compute step reads.
      expect(projection.cypher).toContain('gds.graph.project($graph');
      expect(projection.cypher).toMatch(/nodeCount AS nodeCount, g\.relationshipCount AS relationshipCount$/);
    }
  });

  it('keep derived results out of the toolkit graph: derived labels are not model labels', () => {
    for (const label of DERIVED_LABEL_LIST) expect(NODE_LABELS).not.toContain(label);
    expect(DERIVED_LABEL_LIST).not.toContain('Node');
  });

  it('name one GDS procedure per analysis, run single-threaded where the result could depend on it', () => {
    for (const [name, analysis] of Object.entries(ANALYSES)) {
      expect(analysis.name).toBe(name);
      expect(analysis.algorithm).toMatch(/^gds\./);
      expect(PROJECTIONS[analysis.projection]).toBeDefined();
      if (analysis.result !== 'pair' || name === 'nodeSimilarity') expect(analysis.parameters).toMatchObject({ concurrency: 1 });
    }
  });
});

describe('computation helpers', () => {
  it('rank scores highest first, ties by practice number then id', () => {
    const ranks = rankScores([
      { nodeId: 'gp:10', value: 1 },
      { nodeId: 'gp:2', value: 1 },
      { nodeId: 'actor:b', value: 3 },
      { nodeId: 'actor:a', value: 3 },
    ]);
    expect([...ranks]).toEqual([
      ['actor:a', 1],
      ['actor:b', 2],
      ['gp:2', 3],
      ['gp:10', 4],
    ]);
  });

  it('number communities by size, ties by their first member, whatever ids Louvain gave', () => {
    const numbers = numberCommunities([
      { nodeId: 'gp:9', communityId: 77 },
      { nodeId: 'gp:3', communityId: 5 },
      { nodeId: 'actor:x', communityId: 5 },
      { nodeId: 'gp:1', communityId: 12 },
    ]);
    expect(Object.fromEntries(numbers)).toEqual({ 'gp:3': 1, 'actor:x': 1, 'gp:1': 2, 'gp:9': 3 });
  });

  it('pass whole numbers to GDS as integers and fractions as floats', () => {
    const config = procedureConfig({ maxIterations: 1000, tolerance: 1e-7, similarityMetric: 'JACCARD' });
    expect(neo4j.isInt(config['maxIterations'])).toBe(true);
    expect(config['tolerance']).toBe(1e-7);
    expect(config['similarityMetric']).toBe('JACCARD');
  });
});
