import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildToolkitGraph } from '../../../src/ingest/index.js';
import { loadRepairTable, Repairer } from '../../../src/ingest/repairs.js';
import { readSource } from '../../../src/ingest/source.js';

const { graph, notes } = buildToolkitGraph();
const props = (id: string) => graph.nodes.find((n) => n.id === id)?.properties ?? {};

describe('line-break repairs', () => {
  it('restores the hyphen of a web address broken at a line end (GP 22, line 1668; line 719 prints services-support)', () => {
    expect(props('example:europol-cyber-intelligence-service').urls).toEqual([
      'https://europol.europa.eu/activities-services/services-support/intelligence-analysis/cyber-intelligence/',
    ]);
  });

  it('restores words in titles (GP 7, line 723 "onthe ground"; GP 12, line 956 "publicsector") and Section 1 (line 116 "viceversa")', () => {
    expect(props('gp:7').title).toContain('on the ground expertise');
    expect(props('gp:12').title).toContain('private and public-sector partnerships');
    expect(props('manifestation:integration').definition).toContain('(or vice-versa)');
  });

  it('leaves the verbatim source text untouched (line 723)', () => {
    expect(props('gp:7').sourceText).toContain('onthe ground');
  });

  it('reports every repair with its evidence and every form kept as printed', () => {
    const table = loadRepairTable();
    const reported = notes.filter((n) => n.code === 'text.repair');
    expect(reported).toHaveLength(table.repairs.length);
    expect(reported.find((n) => n.line === 1668 && n.message.includes('services-support'))?.message).toMatch(/printed-elsewhere: line 719/);
    expect(notes.filter((n) => n.code === 'text.ambiguous').map((n) => n.line)).toEqual(table.unrepaired.map((u) => u.lines[0]));
    expect(notes.filter((n) => n.code.startsWith('text.repair-'))).toEqual([]);
  });

  it('no web address in the graph keeps a joined word the table repairs', () => {
    const broken = loadRepairTable().repairs.map((r) => r.printed.replace(/\s+/g, ''));
    const urls = graph.nodes.flatMap((n) => (Array.isArray(n.properties.urls) ? n.properties.urls.map(String) : []));
    for (const u of urls) for (const b of broken) expect(u, u).not.toContain(b);
  });

  it('flags a repair that is not printed at its lines, or that changes nothing', () => {
    const repairer = new Repairer({
      repairs: [{ printed: 'servicessupport', repaired: 'services-support', lines: [1000], kind: 'site-path', evidence: 'test' }],
      unrepaired: [],
    });
    const codes = repairer.report(readSource()).map((n) => n.code);
    expect(codes).toEqual(['text.repair-unanchored', 'text.repair-unused']);
  });

  it('refuses a table entry without evidence', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'repairs-')), 'r.json');
    writeFileSync(path, JSON.stringify({ repairs: [{ printed: 'onthe', repaired: 'on the', lines: [723], kind: 'dictionary', evidence: '' }], unrepaired: [] }));
    expect(() => loadRepairTable(path)).toThrow(/repair 1: missing "evidence"/);
  });
});
