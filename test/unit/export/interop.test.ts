// Pure parts of what graph tools and spreadsheets need from the exports.
import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula, parseCsv, toCsv } from '../../../src/export/csv.js';
import type { ExportGraph } from '../../../src/export/export-graph.js';
import { rgb, toGexf } from '../../../src/export/gexf.js';
import { graphIdFromXmlId, toGraphML, xmlIdFor } from '../../../src/export/graphml.js';
import { computeLayout, sizeForDegree } from '../../../src/export/layout.js';

describe('CSV formula injection', () => {
  it('prefixes fields that begin with = + - @, a tab or CR with an apostrophe, and leaves numbers alone', () => {
    for (const value of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tx', '\rx', '=cmd|\' /C calc\'!A0']) {
      expect(neutraliseFormula(value), value).toBe(`'${value}`);
    }
    for (const value of ['-3', '12', '1.5', 'GP 17', 'e-mail', '']) expect(neutraliseFormula(value), value).toBe(value);
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(parseCsv(toCsv(['a'], [['=SUM(A1:A2)'], ['@x, y']], { bom: false }))).toEqual([['a'], ["'=SUM(A1:A2)"], ["'@x, y"]]);
  });
});

describe('GraphML ids', () => {
  const NMTOKEN = /^[A-Za-z0-9._:-]+$/;
  it('turns graph ids into reversible NMTOKENs', () => {
    for (const id of ['gp:17', 'gp:17/action:2/step:3', 'gp:1->gp:2#REFERENCES', 'actor:prison-administration', 'x_y', 'é', '']) {
      const xmlId = xmlIdFor(id);
      expect(xmlId, id).toMatch(NMTOKEN);
      if (id !== '') expect(graphIdFromXmlId(xmlId), id).toBe(id);
    }
    expect(xmlIdFor('gp:17/action:2')).toBe('gp:17_x002F_action:2');
    expect(xmlIdFor('a_x002F_b')).not.toBe(xmlIdFor('a/b'));
  });
});

const triangle: ExportGraph = {
  scope: { kind: 'whole' },
  nodes: [
    { id: 'gp:1', type: 'GoodPractice', labels: ['GoodPractice'], label: 'GP 1: A & B', properties: { number: 1, kind: 'x' } },
    { id: 'gp:1/action:1', type: 'KeyAction', labels: ['KeyAction'], label: 'GP 1 Action 1', properties: { number: 1 } },
    { id: 'actor:police', type: 'Actor', labels: ['Actor'], label: 'Police', properties: { aliases: ['cops'] } },
  ],
  edges: [
    { id: 'gp:1->gp:1/action:1', type: 'HAS_KEY_ACTION', source: 'gp:1', target: 'gp:1/action:1', properties: { order: 1 } },
    { id: 'gp:1->actor:police#1', type: 'MENTIONS_ACTOR', source: 'gp:1', target: 'actor:police', properties: {} },
  ],
  analytics: null,
};

describe('layout', () => {
  it('is deterministic, finite, and sizes nodes by degree', () => {
    const first = computeLayout(triangle);
    const second = computeLayout(triangle);
    expect([...first.entries()]).toEqual([...second.entries()]);
    for (const placement of first.values()) {
      expect(Number.isFinite(placement.x) && Number.isFinite(placement.y)).toBe(true);
    }
    expect(first.get('gp:1')?.size).toBe(sizeForDegree(2));
    expect(first.get('actor:police')?.size).toBe(sizeForDegree(1));
    expect(sizeForDegree(0)).toBe(4);
  });
});

describe('GEXF', () => {
  it('writes viz:color as r/g/b, with viz:position and viz:size from the layout', () => {
    expect(rgb('#1f6feb')).toEqual({ r: 31, g: 111, b: 235 });
    const text = toGexf(triangle, computeLayout(triangle));
    expect(text).toContain('xmlns="http://gexf.net/1.3"');
    expect(text).toMatch(/<node id="gp:1" label="GP 1: A &amp; B">.*<viz:color r="\d+" g="\d+" b="\d+"\/><viz:position x="[-\d.]+" y="[-\d.]+" z="0"\/><viz:size value="[\d.]+"\/><\/node>/);
    expect(text).not.toContain('hex=');
    expect(text).toContain('title="kind_"');
  });
});

describe('GraphML', () => {
  it('uses NMTOKEN element ids and keeps the graph ids in an id attribute', () => {
    const text = toGraphML(triangle);
    expect(text).toContain('<node id="gp:1_x002F_action:1">');
    expect(text).toContain('attr.name="id"');
    expect(text).toContain('>gp:1/action:1</data>');
    expect(text).toContain('source="gp:1" target="gp:1_x002F_action:1"');
    for (const match of text.matchAll(/ (?:id|source|target)="([^"]*)"/g)) expect(match[1]).toMatch(/^[A-Za-z0-9._:-]+$/);
  });
});
