import { describe, expect, it } from 'vitest';
import { buildToolkitGraph } from '../../../src/ingest/index.js';
import { joinLines } from '../../../src/ingest/text.js';

const { graph } = buildToolkitGraph();
const node = (id: string) => graph.nodes.find((n) => n.id === id)?.properties ?? {};
const rel = (id: string) => graph.relationships.find((r) => r.id === id)?.properties ?? {};
const strings = (props: Record<string, unknown>): string[] =>
  Object.entries(props)
    .filter(([k]) => k !== 'sourceText')
    .flatMap(([, v]) => (Array.isArray(v) ? v : [v]))
    .filter((v): v is string => typeof v === 'string');

describe('small defects a reader notices', () => {
  it('joins a slash printed with a space on one side only (GP 17, line 1311 "CSOs/ NGOs"; GP 15, line 1196 "P/ CVE")', () => {
    expect(joinLines(['non-government organizations (CSOs/ NGOs) should'])).toBe('non-government organizations (CSOs/NGOs) should');
    expect(joinLines(['further actions /adjust'])).toBe('further actions/adjust');
    expect(joinLines(['illicit / illegal commodities'])).toBe('illicit / illegal commodities');
    expect(node('gp:17/action:2/step:2').text).toContain('(CSOs/NGOs)');
    expect(node('example:kenya-multi-stakeholder-p-cve-forum-launched-by-the-kwale').text).toContain('county P/CVE plan');
    for (const item of [...graph.nodes, ...graph.relationships]) {
      for (const s of strings(item.properties)) expect(s, item.id).not.toMatch(/\p{L}\/ \p{L}|\p{L} \/\p{L}/u);
    }
  });

  it('keeps every text property on one line (GP 4, lines 603-604: two wordings of one citation)', () => {
    expect(rel('CITES:gp:4->instrument:a-res-55-25').text).toBe(
      'United Nations General Assembly Resolution A/RES/55/25; United Nations Convention against Transnational Organized Crime, Article 28.2.',
    );
    for (const item of [...graph.nodes, ...graph.relationships]) for (const s of strings(item.properties)) expect(s, item.id).not.toContain('\n');
  });

  it('prints web addresses in example text without spaces (GP 24, line 1804; GP 19, line 1448)', () => {
    expect(node('example:unodc-regional-office-for-west-and-central-africa').text).toContain('https://www.unodc.org/westandcentralafrica/en/newrosenwebsite/');
    expect(node('example:mapping-of-development-partner-support-to-justice-and').text).toContain('SSR%20Mapping%20Report');
  });

  it('ends no example description with the colon that led to the address (GP 10, line 887)', () => {
    expect(node('example:canadian-incident-database-cidb').description).toBe('provides data on terrorism and extreme crime incidents in Canada dating back to 1960');
    for (const n of graph.nodes.filter((x) => x.labels[0] === 'Example')) expect(String(n.properties.description), n.id).not.toMatch(/:$/);
  });

  it('gives a cross-reference the lines of its sentence (GP 11 lead, lines 907-909), and its key action (GP 22, line 1614)', () => {
    const lead = rel('REFERENCES:gp:11->gp:4');
    expect([lead.sourceStartLine, lead.sourceEndLine]).toEqual([907, 909]);
    expect(lead.text).toMatch(/^Train government agencies .* \(see also Good Practice 4\)\.$/);
    const fromAction = rel('REFERENCES:gp:22->gp:10');
    expect(fromAction.fromAction).toBe('gp:22/action:4');
    expect([fromAction.sourceStartLine, fromAction.sourceEndLine]).toEqual([1613, 1614]);
  });

  it('ends a step where its text ends, words printed further down included (GP 13 step 3, lines 1014-1033)', () => {
    const step = node('gp:13/step:3');
    expect([step.sourceStartLine, step.sourceEndLine]).toEqual([1014, 1033]);
    expect(step.text).toMatch(/establishing whistle-blower and witness protection programs\.$/);
  });
});
