import { describe, expect, it } from 'vitest';
import { buildToolkitGraph } from '../../../src/ingest/index.js';
import { analyseLines, readSource } from '../../../src/ingest/source.js';
import { stripGlyph } from '../../../src/ingest/text.js';

/** Letters only: footnote markers, hyphens, spaces and punctuation aside. */
const letters = (s: string): string => s.toLowerCase().replace(/[^a-z]+/g, '');
/** Headings and list titles: named by node labels and properties, not kept as text. */
const HEADING = /^(?:Key actions|Key actors|Relevant international standards?\/documents|Examples|[A-D]\. [A-Z ,&]+|Section 2 - Good Practices &|Knowledge Repository)$/;

describe('Section 2 text', () => {
  it('keeps every line of running text (lines 340-1892) in some node or relationship', () => {
    const { graph } = buildToolkitGraph();
    const text = [...graph.nodes.filter((n) => n.labels[0] !== 'Document'), ...graph.relationships]
      .flatMap((x) => Object.entries(x.properties).filter(([k]) => !k.startsWith('source')).flatMap(([, v]) => (Array.isArray(v) ? v.map(String) : [String(v)])))
      .map(letters)
      .join('|');
    const src = readSource();
    const info = analyseLines(src);
    const lost: string[] = [];
    for (let line = 340; line <= src.lines.length; line++) {
      const raw = (src.lines[line - 1] ?? '').trim();
      if (info[line - 1]?.removed || HEADING.test(raw)) continue;
      // "... under GP 1. Step 2 - In accordance" (line 454): a step starting mid-line
      for (const part of stripGlyph(raw).split(/(?<=\.)\s+(?=Step \d+\s*[–-])/)) {
        const body = part.replace(/^(?:Step \d+\s*[–-]\s*|Action \d+\s*:?\s*[-–]?\s*|Good Practice \d+:\s*)/, '');
        if (letters(body) !== '' && !text.includes(letters(body))) lost.push(`${line}: ${raw}`);
      }
    }
    expect(lost).toEqual([]);
  });
});
