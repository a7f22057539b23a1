// The graph view's sizes and colours from the analytics, and how figures are labelled.
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { colourOf, shapeOf } from '../../../src/graph/model.js';
import { MAX_NODE_SIZE, MIN_NODE_SIZE, OTHER_COMMUNITY_COLOUR, communityColour, describeParameters, formatScore, provenanceText, sizeForScore } from '../../../web/src/analytics.js';
import { shortLabel, uniqueLabels } from '../../../web/src/charts.js';
import { applyAnalyticsStyle } from '../../../web/src/graph/analytics.js';
import { baseSize, type DisplayGraph } from '../../../web/src/graph/model.js';

function graph(): DisplayGraph {
  const display: DisplayGraph = new MultiDirectedGraph();
  for (const [id, type] of [['gp:1', 'GoodPractice'], ['actor:police', 'Actor'], ['instrument:x', 'Instrument'], ['country:kenya', 'Country']] as const) {
    display.addNode(id, { label: id, type, color: colourOf(type), shape: shapeOf(type), size: baseSize(type), x: 0, y: 0 });
  }
  return display;
}

const figures = {
  scores: new Map([
    ['gp:1', { score: 4, rank: 1 }],
    ['actor:police', { score: 1, rank: 2 }],
    ['instrument:x', { score: 0.25, rank: 3 }],
  ]),
  communities: new Map([
    ['gp:1', 1],
    ['actor:police', 1],
    ['instrument:x', 9],
  ]),
};

describe('graph view analytics style', () => {
  it('sizes nodes in the order of their scores, within the bounds, the disc area following the score', () => {
    expect(sizeForScore(4, 4)).toBe(MAX_NODE_SIZE);
    expect(sizeForScore(0, 4)).toBe(MIN_NODE_SIZE);
    expect(sizeForScore(1, 4)).toBeCloseTo(MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) / 2);
    expect(sizeForScore(Number.NaN, 4)).toBe(MIN_NODE_SIZE);
    expect(sizeForScore(1, 0)).toBe(MIN_NODE_SIZE);
    const display = graph();
    applyAnalyticsStyle(display, figures, { sizeByScore: true, colourByCommunity: false });
    const size = (id: string) => display.getNodeAttribute(id, 'size');
    expect(size('gp:1')).toBeGreaterThan(size('actor:police'));
    expect(size('actor:police')).toBeGreaterThan(size('instrument:x'));
    // No figures: the size and colour of its type.
    expect(size('country:kenya')).toBe(baseSize('Country'));
    expect(display.getNodeAttribute('gp:1', 'color')).toBe(colourOf('GoodPractice'));
  });

  it('colours nodes by community, small communities in grey, others by type; and goes back to the type look', () => {
    const display = graph();
    applyAnalyticsStyle(display, figures, { sizeByScore: false, colourByCommunity: true });
    expect(display.getNodeAttribute('gp:1', 'color')).toBe(communityColour(1));
    expect(display.getNodeAttribute('actor:police', 'color')).toBe(communityColour(1));
    expect(display.getNodeAttribute('instrument:x', 'color')).toBe(OTHER_COMMUNITY_COLOUR);
    expect(display.getNodeAttribute('country:kenya', 'color')).toBe(colourOf('Country'));
    expect(display.getNodeAttribute('gp:1', 'size')).toBe(baseSize('GoodPractice'));
    applyAnalyticsStyle(display, figures, { sizeByScore: false, colourByCommunity: false });
    expect(display.getNodeAttribute('gp:1', 'color')).toBe(colourOf('GoodPractice'));
  });

  it('names the run behind a figure', () => {
    expect(describeParameters({ dampingFactor: 0.85, maxIterations: 20 })).toBe('dampingFactor 0.85, maxIterations 20');
    expect(describeParameters({ relationshipTypes: ['CITES'] })).toBe('relationshipTypes ["CITES"]');
    expect(describeParameters({})).toBe('none');
    const run = { analysis: 'pageRank', description: '', algorithm: 'gds.pageRank.stream', parameters: {}, datasetVersion: '0123456789abcdef0123', gdsVersion: '2.13.9', computedAt: '2026-11-29T18:00:00.000Z' };
    expect(provenanceText(run)).toBe('Computed by gds.pageRank.stream (Neo4j Graph Data Science 2.13.9) with no parameters, on dataset version 0123456789ab, 2026-11-29.');
    expect(formatScore(0.012345)).toBe('0.0123');
    expect(formatScore(1234.5)).toBe('1,235');
  });

  it('shortens chart labels at a word and keeps them unique', () => {
    expect(shortLabel('Plan of Action to Prevent Violent Extremism', 48)).toBe('Plan of Action to Prevent Violent Extremism');
    expect(shortLabel('GCTF Good Practices on Community Engagement and Community-Oriented Policing', 40)).toBe('GCTF Good Practices on Community…');
    expect(uniqueLabels(['UNTOC', 'Rome', 'UNTOC'])).toEqual(['UNTOC', 'Rome', 'UNTOC (2)']);
  });
});
