import { describe, expect, it } from 'vitest';
import { inferColumns, toColumnValue } from '../../../src/export/attribute-table.js';
import { csvField, parseCsv, toCsv, UTF8_BOM } from '../../../src/export/csv.js';
import { colourOf as colourForType, displayLabelOf as labelForNode, FALLBACK_COLOUR } from '../../../src/graph/model.js';
import { escapeXml, stripInvalidXmlCharacters } from '../../../src/export/xml-text.js';

describe('CSV', () => {
  it('quotes only when needed and parses back what it writes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField(' padded')).toBe('" padded"');
    const rows = [['1', 'line\nbreak', 'x,y'], ['2', '', '"q"']];
    const text = toCsv(['n', 'text', 'list'], rows, { bom: true });
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)).toEqual([['n', 'text', 'list'], ...rows]);
  });

  it('rejects an unterminated quoted field', () => {
    expect(() => parseCsv('a,"b')).toThrow('CSV ends inside a quoted field');
  });
});

describe('attribute columns', () => {
  it('widens mixed types and stores arrays as JSON text', () => {
    const columns = inferColumns([{ n: 1, x: 'a', tags: ['a'] }, { n: 1.5, x: 2 }], [{ name: 'label', type: 'string' }]);
    expect(columns).toEqual([
      { name: 'label', type: 'string' },
      { name: 'n', type: 'double' },
      { name: 'tags', type: 'string' },
      { name: 'x', type: 'string' },
    ]);
    expect(toColumnValue(['a', 'b'], 'string')).toBe('["a","b"]');
    expect(toColumnValue(2, 'string')).toBe('2');
  });
});

describe('XML text', () => {
  it('escapes markup and drops characters XML 1.0 forbids', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(stripInvalidXmlCharacters('a\u0001b\u000Cc\td')).toBe('abc\td');
    expect(escapeXml('line\nbreak\tand\r')).toBe('line&#10;break&#9;and&#13;');
  });
});

describe('node style', () => {
  it('labels and colours nodes by type', () => {
    expect(labelForNode('GoodPractice', 'gp:17', { number: 17, title: 'Title' })).toBe('GP 17: Title');
    expect(labelForNode('Step', 'gp:17/action:2/step:3', { number: 3 })).toBe('GP 17 Step 3');
    expect(labelForNode('Instrument', 'instrument:x', { title: 'Long title', shortName: 'Rome Memorandum' })).toBe('Rome Memorandum');
    expect(labelForNode('Actor', 'actor:x', { name: 'x'.repeat(100) })).toHaveLength(80);
    expect(colourForType('GoodPractice')).toMatch(/^#[0-9a-f]{6}$/);
    expect(colourForType('Unknown')).toBe(FALLBACK_COLOUR);
  });
});
