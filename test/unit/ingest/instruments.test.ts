import { describe, expect, it } from 'vitest';
import { extractProvisions, findFootnoteCitations, resolveInstruments } from '../../../src/ingest/instruments.js';
import type { ListEntry } from '../../../src/ingest/model.js';
import { loadNormalisationTables } from '../../../src/ingest/tables.js';

const tables = loadNormalisationTables();
const entry = (text: string, line = 100): ListEntry => ({ text, footnotes: [], span: { startLine: line, endLine: line, text } });
const cite = (texts: string[]) =>
  resolveInstruments(texts.map((t, i) => entry(t, 100 + i)), tables).citations.map((c) => [c.instrumentId, c.provisions]);

describe('resolveInstruments', () => {
  it('reads GCTF documents and the provisions cited (GP 16)', () => {
    expect(
      cite([
        'GCTF Rome Memorandum on Good Practices for Rehabilitation and Reintegration of Violent Extremist Offenders, Good Practices 1, 20 and 23.',
        'GCTF Good Practices on Addressing the Challenge of Returning Families of Foreign Terrorist Fighters (FTFs), Good Practices 9,10 and 15.',
        'UNODC (2017), Roadmap for the Development of Prison-based Rehabilitation Programmes.',
      ]),
    ).toEqual([
      ['instrument:gctf-rome-memorandum', ['Good Practice 1', 'Good Practice 20', 'Good Practice 23']],
      ['instrument:gctf-returning-families-good-practices', ['Good Practice 9', 'Good Practice 10', 'Good Practice 15']],
      ['instrument:unodc-2017-prison-rehabilitation-roadmap', []],
    ]);
  });

  it('binds the same document written different ways to one instrument', () => {
    expect(
      cite([
        'United Nations Security Council S/2015/366 Report of the Secretary-General on the threat of terrorists benefiting from transnational organized crime (2015), §75- 77.',
        'UN Security Council S/2015/366 Report of the Secretary-General on the threat of terrorists benefiting from transnational organized crime (2015), §78-80.',
        'United Nations Security Council S/2015/366 (2015) Report of the Secretary-General on the threat of terrorists benefiting from transnational organized crime, §85-87.',
      ]).map((c) => c[0]),
    ).toEqual(['instrument:s-2015-366']);
    expect(cite(['General Assembly Resolution A/RES/55/25, United Nations Convention against Transnational Organized Crime, Article 7 and 28.1.'])).toEqual([
      ['instrument:a-res-55-25', ['Article 7', 'Article 28.1']],
    ]);
  });

  it('merges two entries naming one document in the same list (GP 4)', () => {
    const { citations, notes } = resolveInstruments(
      [
        entry('United Nations General Assembly Resolution A/RES/55/25', 603),
        entry('United Nations Convention against Transnational Organized Crime, Article 28.2.', 604),
      ],
      tables,
    );
    expect(citations).toHaveLength(1);
    expect(citations[0]).toMatchObject({
      instrumentId: 'instrument:a-res-55-25',
      provisions: ['Article 28.2'],
      text: 'United Nations General Assembly Resolution A/RES/55/25; United Nations Convention against Transnational Organized Crime, Article 28.2.',
      span: { startLine: 603, endLine: 604 },
    });
    expect(notes.map((n) => n.code)).toEqual(['instrument.merged']);
  });

  it('gives one citation per Security Council resolution of a single entry (GP 21)', () => {
    expect(cite(['United Nations Security Council Resolution S/RES/2199 (2015); S/RES/2133 (2014); S/RES/1988 (2011); S/RES/1267 (1999); S/RES/1373 (2001).'])).toEqual([
      ['instrument:s-res-2199-2015', []],
      ['instrument:s-res-2133-2014', []],
      ['instrument:s-res-1988-2011', []],
      ['instrument:s-res-1267-1999', []],
      ['instrument:s-res-1373-2001', []],
    ]);
    expect(
      cite([
        'UN Security Council Resolution S/RES/2195 (2014) adopted on 19 December 2014, point 5.',
        'Resolution 2195 (2014) Adopted by the Security Council at its 7351st meeting, on 19 December 2014, point 5.',
      ]),
    ).toEqual([['instrument:s-res-2195-2014', ['Point 5']]]);
  });

  it('reads paragraph lists and repairs "§6265" with a note (GP 16)', () => {
    expect(cite(['United Nations General Assembly A/RES/72/284, The United Nations Global Counter-Terrorism Strategy Review, §35, 44, 53 and 73.'])).toEqual([
      ['instrument:a-res-72-284', ['§35', '§44', '§53', '§73']],
    ]);
    const { citations, notes } = resolveInstruments(
      [entry('United Nations Security Council S/2015/366, Report of the Secretary-General on the threat of terrorists benefiting from transnational organized crime (2015), §6265.', 1248)],
      tables,
    );
    expect(citations[0]!.provisions).toEqual(['§62-65']);
    expect(notes).toEqual([expect.objectContaining({ level: 'info', code: 'source.inconsistent', line: 1248 })]);
  });

  it('does not read the Convention inside the title of the UNODC guide', () => {
    expect(cite(['United Nations Office on Drugs and Crime (UNODC) “Technical Guide to the United Nations Convention Against Corruption.”']).map((c) => c[0])).toEqual([
      'instrument:unodc-technical-guide-uncac',
    ]);
  });

  it('reports an unknown document and keeps it as a fallback citation', () => {
    const { citations, notes } = resolveInstruments([entry('Treaty of Nowhere (1999), Article 3.', 77)], tables);
    expect(citations).toEqual([expect.objectContaining({ instrumentId: 'instrument:other', provisions: ['Article 3'], text: 'Treaty of Nowhere (1999), Article 3.' })]);
    expect(notes).toEqual([expect.objectContaining({ level: 'warning', code: 'instrument.unresolved', line: 77 })]);
  });
});

describe('findFootnoteCitations', () => {
  it('finds the instruments of footnotes 4 and 6', () => {
    const fn4 = entry(
      'See United Nations Convention against Transnational Organized Crime, New York, 15 November 2000. Relevant international instruments and UN resolutions related to counterterrorism can be also found at: http://www.un.org/en/counterterrorism/. See also GCTF Valletta Recommendations Relating to Contributions by Parliamentarians In Developing an Effective Response to Terrorism, Recommendation 1. www.theGCTF.org.',
      408,
    );
    expect(findFootnoteCitations(4, fn4, tables).map((c) => [c.instrumentId, c.provisions, c.viaFootnote])).toEqual([
      ['instrument:a-res-55-25', [], 4],
      ['instrument:gctf-valletta-recommendations', ['Recommendation 1'], 4],
    ]);
    const fn6 = entry(
      'See United Nations Convention against Corruption, New York, 31 October 2013. See GCTF Good Practices in the Area of Border Security and Management in the Context of Counterterrorism and Stemming the Flow of “Foreign Terrorist Fighters”, Good Practice 15. www.theGCTF.org. See also the United Nations Office on Drugs and Crime (UNODC) “Technical Guide to the United Nations Convention Against Corruption.”',
      472,
    );
    expect(findFootnoteCitations(6, fn6, tables).map((c) => [c.instrumentId, c.provisions, c.viaFootnote])).toEqual([
      ['instrument:a-res-58-4', [], 6],
      ['instrument:gctf-border-security-good-practices', ['Good Practice 15'], 6],
      ['instrument:unodc-technical-guide-uncac', [], 6],
    ]);
  });

  it('finds nothing in a footnote that names no instrument', () => {
    expect(findFootnoteCitations(13, entry('For the scope of this document, a fusion centre will be defined as a group of two or more agencies.'), tables)).toEqual([]);
  });
});

describe('extractProvisions', () => {
  it('reads the provision forms of the toolkit', () => {
    expect(extractProvisions('recommendation 2, 3, 6 and 7')).toEqual(['Recommendation 2', 'Recommendation 3', 'Recommendation 6', 'Recommendation 7']);
    expect(extractProvisions('(2015), §82- 84')).toEqual(['§82-84']);
    expect(extractProvisions('chapter 3/c (2009)')).toEqual(['Chapter 3/C']);
    expect(extractProvisions('(25 september 2015), goal 17')).toEqual(['Goal 17']);
    expect(extractProvisions('good practices 5, 9')).toEqual(['Good Practice 5', 'Good Practice 9']);
  });
});
