import { describe, expect, it } from 'vitest';
import { buildToolkitGraph } from '../../../src/ingest/index.js';

const { graph } = buildToolkitGraph();
const byLabel = (label: string): string[] => graph.nodes.filter((n) => n.labels[0] === label).map((n) => n.id);
const rels = (type: string): Array<[string, string]> => graph.relationships.filter((r) => r.type === type).map((r) => [r.start, r.end]);

describe('Section 1 concepts', () => {
  it('has two families and six manifestations a-f', () => {
    expect(byLabel('NexusFamily')).toEqual(['family:organizational', 'family:transactional']);
    const letters = graph.nodes.filter((n) => n.labels[0] === 'Manifestation').map((n) => n.properties.letter).sort();
    expect(letters).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(rels('OF_FAMILY')).toContainEqual(['manifestation:black-hole', 'family:organizational']);
    expect(rels('OF_FAMILY')).toContainEqual(['manifestation:alliances', 'family:transactional']);
  });

  it('ties the notions to their manifestations', () => {
    expect(rels('HAS_NOTION').sort()).toEqual([
      ['manifestation:alliances', 'notion:criminal-intermediary'],
      ['manifestation:appropriation-of-tactics', 'notion:organizational-learning'],
      ['manifestation:appropriation-of-tactics', 'notion:prison-radicalization'],
    ]);
  });

  it('has three regional contexts and eleven watch points with indicators', () => {
    expect(byLabel('RegionalContext')).toHaveLength(3);
    const wps = graph.nodes.filter((n) => n.labels[0] === 'WatchPoint');
    expect(wps).toHaveLength(11);
    const corruption = wps.find((n) => n.id === 'watchpoint:environmental/corruption');
    expect(corruption?.properties.indicators).toHaveLength(5);
    expect(wps.find((n) => n.id === 'watchpoint:environmental/geography-of-operations')).toBeDefined();
  });

  it('names the four regional meetings of footnote 1', () => {
    expect(byLabel('RegionalMeeting')).toEqual(['meeting:albania-2018-02', 'meeting:algeria-2017-10', 'meeting:kenya-2018-05', 'meeting:singapore-2018-03']);
    expect(rels('HAS_MEETING')).toHaveLength(4);
  });
});
