import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseLines, readSource, SOURCE_SHA256 } from '../../../src/ingest/source.js';

describe('vendored source', () => {
  it('reads the pinned toolkit text', () => {
    const src = readSource();
    expect(src.sha256).toBe(SOURCE_SHA256);
    expect(src.lines).toHaveLength(1892);
  });

  it('refuses a file with another SHA-256, naming both digests', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ingest-')), 'toolkit.txt');
    writeFileSync(path, 'not the toolkit\n');
    expect(() => readSource(path)).toThrow(/SHA-256 [0-9a-f]{64}, expected 6ae8fe88/);
  });

  it('derives printed page numbers and removes footnote blocks, headers and lone numbers', () => {
    const info = analyseLines(readSource());
    expect(info[373 - 1]?.page).toBe(11); // Good Practice 1
    expect(info[1832 - 1]?.page).toBe(55); // Good Practice 25, after printed page 54
    expect(info[441 - 1]?.removed).toBe(true); // printed page number 12
    expect(info[884 - 1]?.removed).toBe(true); // running header
    expect(info[785 - 1]?.footnote).toBe(12);
  });
});

describe('printed pages', () => {
  const notes: Array<{ line: number; message: string }> = [];
  const info = analyseLines(readSource(), notes);

  it('never jump: each line is on the page of the line before or the next one', () => {
    let last = info[0]?.page ?? 0;
    expect(last).toBe(1);
    info.forEach((x, i) => {
      const page = x.page ?? 0;
      expect([last, last + 1], `line ${i + 1}`).toContain(page);
      last = page;
    });
    expect(last).toBe(57);
  });

  it('agree with every printed page number (a printed number ends its page)', () => {
    for (const [line, page] of [[248, 8], [441, 12], [515, 14], [882, 25], [922, 26], [1616, 48], [1818, 54]] as const) {
      expect(info[line - 1]?.page, `line ${line}`).toBe(page);
    }
  });

  it('count a page that begins with an indented heading ("  Action 3", line 1685) but not an "Action N" heading inside a page', () => {
    expect(info[1684 - 1]?.page).toBe(50);
    expect(info[1685 - 1]?.page).toBe(51); // "  Action 3: Legal and technical assistance."
    expect(info[1718 - 1]?.page).toBe(52);
    expect(info[1751 - 1]?.page).toBe(53); // "  Action 2: Promote probation services"
    expect(info[1741 - 1]?.page).toBe(52); // " Action 1: Increase prison capacity" (indent only)
    expect(info[1598 - 1]?.page).toBe(48); // " Action 1: Capacity building activities" (GP 22)
  });

  it('report the one segment whose page starts exceed its printed numbers (lines 248 to 441)', () => {
    expect(notes).toHaveLength(1);
    expect(notes[0]?.line).toBe(248);
  });
});
