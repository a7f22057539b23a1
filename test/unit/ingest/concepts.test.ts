import { describe, expect, it } from 'vitest';
import { buildToolkitGraph } from '../../../src/ingest/index.js';
import { analyseLines, readSource } from '../../../src/ingest/source.js';
import { stripGlyph } from '../../../src/ingest/text.js';

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

describe('Section 1 text', () => {
  const letters = (s: string): string => s.toLowerCase().replace(/[^a-z]+/g, '');
  const nodeText = graph.nodes
    .filter((n) => n.labels[0] !== 'Document')
    .flatMap((n) => Object.entries(n.properties).filter(([k]) => !k.startsWith('source')).flatMap(([, v]) => (Array.isArray(v) ? v.map(String) : [String(v)])))
    .map(letters)
    .join('|');
  /** Headings, named by the nodes' names and categories rather than kept as text. */
  const HEADINGS = new Set([1, 42, 174, 221, 231, 290]);

  it('keeps every line of running text of Section 1 (lines 1-339) in some node', () => {
    const src = readSource();
    const info = analyseLines(src);
    const lost: string[] = [];
    for (let line = 1; line < 340; line++) {
      if (info[line - 1]?.removed || HEADINGS.has(line)) continue;
      const text = stripGlyph(src.lines[line - 1] ?? '').replace(/^(?:[a-f]|\d|I{1,3})\.\s*/, '').replace(/^Definition:/, '');
      if (letters(text) !== '' && !nodeText.includes(letters(text))) lost.push(`${line}: ${text}`);
    }
    expect(lost).toEqual([]);
  });

  it('keeps the paragraphs after a definition where a page starts (lines 145-155, 170-173)', () => {
    const props = (id: string) => graph.nodes.find((n) => n.id === id)?.properties;
    expect(props('manifestation:transformation')?.description).toMatch(/The one documented case is that of the Dawood Ibrahim group \/ D-Company\.$/);
    expect(props('manifestation:hybrid')?.description).toMatch(/^There are some very specific factors/);
    expect(props('manifestation:black-hole')?.description).toMatch(/^Conflict upheld by the existence of the Nexus/);
    expect(props('manifestation:alliances')?.description).toBeUndefined(); // line 72-74 is the notion "criminal intermediary"
    expect(props('section:1')?.paragraphs).toHaveLength(4);
  });
});
