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
