import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildToolkitGraph, serialiseGraph } from '../../../src/ingest/index.js';
import type { SerialisedGraph, SerialisedNode } from '../../../src/graph/serialised.js';
import { stripFootnoteMarkers, joinLines } from '../../../src/ingest/text.js';

const { graph, notes } = buildToolkitGraph();
const node = (id: string): SerialisedNode => {
  const n = graph.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};
const out = (g: SerialisedGraph, type: string, start: string): string[] =>
  g.relationships.filter((r) => r.type === type && r.start === start).map((r) => r.end);

describe('toolkit graph structure', () => {
  it('has 25 practices in four areas and no validation errors', () => {
    expect(graph.nodes.filter((n) => n.labels[0] === 'GoodPractice')).toHaveLength(25);
    expect(graph.nodes.filter((n) => n.labels[0] === 'Area').map((n) => n.properties.title)).toEqual([
      'Legal Considerations',
      'Research and Information Sharing',
      'Local Engagement',
      'Capacity Building and Law Enforcement',
    ]);
    expect(notes.filter((n) => n.level === 'error')).toEqual([]);
  });

  it('keeps printed step numbers: GP 14 has steps 1, 3 and 4', () => {
    expect(out(graph, 'HAS_STEP', 'gp:14').sort()).toEqual(['gp:14/step:1', 'gp:14/step:3', 'gp:14/step:4']);
    expect(node('gp:14/step:3').properties.order).toBe(2);
  });

  it('splits GP 2 step 2 starting in the middle of a line', () => {
    const s1 = node('gp:2/step:1');
    const s2 = node('gp:2/step:2');
    expect(String(s2.properties.text)).toMatch(/^In accordance with national legislation/);
    expect((s1.properties.items as string[]).join(' ')).toMatch(/following the steps described under GP 1\.$/);
    expect(s2.properties.sourceStartLine).toBe(454);
  });

  it('groups GP 17 steps under actions 1 and 2', () => {
    expect(out(graph, 'HAS_KEY_ACTION', 'gp:17').sort()).toEqual(['gp:17/action:1', 'gp:17/action:2']);
    expect(node('gp:17/action:2').properties.text).toMatch(/^Create a referral mechanism \(see also/);
    const inAction2 = graph.relationships.filter((r) => r.type === 'IN_ACTION' && r.end === 'gp:17/action:2');
    expect(inAction2).toHaveLength(5);
    expect(out(graph, 'HAS_STEP', 'gp:17')).toHaveLength(9);
  });

  it('stores the shared GP 8 / GP 9 body once under gp:8', () => {
    const steps8 = out(graph, 'HAS_STEP', 'gp:8').sort();
    expect(steps8).toHaveLength(5);
    expect(out(graph, 'HAS_STEP', 'gp:9').sort()).toEqual(steps8);
    expect(steps8.every((id) => id.startsWith('gp:8/'))).toBe(true);
    expect(node('gp:9').properties.bodyOwner).toBe(8);
    const merged = graph.relationships.filter((r) => r.type === 'MERGED_WITH');
    expect(merged.map((r) => `${r.start}>${r.end}:${r.properties.footnote}`).sort()).toEqual(['gp:8>gp:9:12', 'gp:9>gp:8:12']);
    expect(node('gp:8').properties.title).toBe('Intelligence sharing should be prioritized, encouraged and facilitated among national governmental agencies and');
  });

  it('has 18 footnotes, linked from the node carrying the marker', () => {
    expect(graph.nodes.filter((n) => n.labels[0] === 'Footnote')).toHaveLength(18);
    expect(out(graph, 'HAS_FOOTNOTE', 'gp:1')).toContain('footnote:4');
    expect(out(graph, 'HAS_FOOTNOTE', 'gp:17/action:2')).toContain('footnote:18');
    expect(node('footnote:10').properties.urls).toEqual([
      'http://www.fatf-gafi.org/media/fatf/documents/recommendations/pdfs/FATF%20Recommendations%202012.pdf',
    ]);
  });

  it('finds cross-references with cue and target step, not provisions of other documents', () => {
    const refs = graph.relationships.filter((r) => r.type === 'REFERENCES');
    const gp7to3 = refs.find((r) => r.start === 'gp:7' && r.end === 'gp:3');
    expect(gp7to3?.properties.toStep).toBe('gp:3/step:1');
    expect(gp7to3?.properties.fromStep).toBe('gp:7/step:5');
    expect(refs.filter((r) => r.start === 'gp:22').map((r) => r.end).sort()).toEqual(['gp:10', 'gp:12', 'gp:6', 'gp:8', 'gp:9']);
    expect(refs.some((r) => r.start === 'gp:2' && r.end === 'gp:1' && r.properties.cue === 'following the steps described under')).toBe(true);
    // GP 16 step 4: "(link to Good Practice 14)" (l. 1233).
    expect(refs.some((r) => r.start === 'gp:16' && r.end === 'gp:14' && r.properties.fromStep === 'gp:16/step:4' && r.properties.cue === 'link to')).toBe(true);
    // GP 8 and GP 9 do not reference each other through the merge footnote.
    expect(refs.some((r) => ['gp:8', 'gp:9'].includes(r.start) && ['gp:8', 'gp:9'].includes(r.end))).toBe(false);
    // "Rome Memorandum ..., Good Practices 1, 20 and 23" is a provision, not a reference.
    expect(refs.every((r) => !/Memorandum/.test(String(r.properties.text)))).toBe(true);
  });

  it('leaves no glyph, running header or broken web address in any property', () => {
    const bad = /ĦĦ|\\\\|ÎÎ|(^|\s)hh\s|POLICY TOOLKIT|Section 2 - Good Practices/;
    for (const item of [...graph.nodes, ...graph.relationships]) {
      for (const [k, v] of Object.entries(item.properties)) {
        if (k === 'sourceText') continue;
        const s = Array.isArray(v) ? v.join('\n') : String(v);
        expect(bad.test(s), `${item.id}.${k}: ${s.slice(0, 80)}`).toBe(false);
        if (k === 'urls') for (const u of v as string[]) expect(u, item.id).not.toMatch(/\s/);
      }
    }
  });

  it('puts scattered justified words back in place (GP 13 step 3)', () => {
    expect(node('gp:13/step:3').properties.text).toMatch(
      /implementing community-oriented policing; establishing whistle-blower and witness protection programs\.$/,
    );
    expect(out(graph, 'HAS_FOOTNOTE', 'gp:13/step:3').sort()).toEqual(['footnote:14', 'footnote:15', 'footnote:16']);
  });

  it('puts provenance on every node', () => {
    for (const n of graph.nodes) {
      expect(typeof n.properties.sourceStartLine, n.id).toBe('number');
      expect(typeof n.properties.sourceText, n.id).toBe('string');
    }
    expect(node('gp:1').properties.sourcePage).toBe(11);
  });

  it('is deterministic', () => {
    expect(serialiseGraph(buildToolkitGraph().graph)).toBe(serialiseGraph(graph));
  });

  it('matches the committed data/graph/toolkit.graph.json (run npm run ingest:build when it does not)', () => {
    const committed = readFileSync(new URL('../../../data/graph/toolkit.graph.json', import.meta.url), 'utf8');
    expect(committed === serialiseGraph(graph)).toBe(true);
  });
});

describe('text cleaning', () => {
  const known = new Set(Array.from({ length: 18 }, (_, i) => i + 1));
  it('strips glued footnote markers but keeps years, symbols and sections', () => {
    expect(stripFootnoteMarkers('a referral mechanism18 (see', known)).toEqual({ text: 'a referral mechanism (see', footnotes: [18] });
    expect(stripFootnoteMarkers('organized crime.4', known)).toEqual({ text: 'organized crime.', footnotes: [4] });
    expect(stripFootnoteMarkers('the 2004 Madrid attacks, S/2015/366, §75-77, A/70/674', known).footnotes).toEqual([]);
  });
  it('repairs web addresses broken across lines', () => {
    expect(joinLines(['(CICC): http://archive.iccnow.', 'org/?mod=issues'])).toBe('(CICC): http://archive.iccnow.org/?mod=issues');
    expect(joinLines(['see https: //www.globalcenter.org/x'])).toBe('see https://www.globalcenter.org/x');
  });
});

describe('footnote markers inside provisions', () => {
  const known = new Set(Array.from({ length: 18 }, (_, i) => i + 1));
  it('does not read provision numbers as markers', () => {
    for (const s of ['Article 28.2.', 'Article 7 and 28.1.', 'Good Practices 9,10 and 15.', 'CM/Rec (2012)11 of the']) {
      expect(stripFootnoteMarkers(s, known).footnotes, s).toEqual([]);
    }
  });
});

describe('one initiative in several practices', () => {
  const { graph } = buildToolkitGraph();
  const same = (id: string) => graph.nodes.find((n) => n.id === id)?.properties.sameInitiativeAs;

  it('links examples that print the same web address (UNICRI rehabilitation: GP 17, 20, 24; CVE-P: GP 17, 24; asset recovery: GP 21, 23)', () => {
    expect(same('example:uncris-programme-on-r-r-of-veos')).toEqual(['example:unicri-programme-on-preventing-and-countering-violent', 'example:unicris-program-on-preventing-and-countering-violent']);
    expect(same('example:unicri-asset-recovery-programme')).toEqual(['example:unicri-programme-on-asset-recovery']);
    expect(same('example:the-countering-violent-extremism-in-prisons-cve-p-program')).toEqual(['example:global-center-program-on-countering-violent-extremism-in']);
  });

  it('does not link through an address printed for something else (Project Griffin, line 993, prints the #GIResilience page)', () => {
    expect(same('example:united-kingdom-project-griffin')).toEqual([]);
  });
});
