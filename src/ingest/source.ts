// Reading the vendored corpus and deriving per-line facts (page, removable artefacts).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SOURCE_SHA256 = '6ae8fe88847257bf9b1801260180377a270ec87eb6f4c355b3e58911d57a28fc';
export const SOURCE_RELATIVE_PATH = 'data/source/nexus-policy-toolkit.txt';
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_SOURCE_PATH = resolve(REPO_ROOT, SOURCE_RELATIVE_PATH);

export interface SourceFile {
  path: string;
  sha256: string;
  /** lines[0] is line 1. */
  lines: string[];
}

export function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function readSource(path: string = DEFAULT_SOURCE_PATH): SourceFile {
  const buf = readFileSync(path);
  const digest = sha256(buf);
  if (digest !== SOURCE_SHA256) {
    throw new Error(
      `Source ${path} has SHA-256 ${digest}, expected ${SOURCE_SHA256}: ` +
        'the vendored toolkit text must stay byte-identical (see data/source/README.md).',
    );
  }
  const text = buf.toString('utf8');
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return { path, sha256: digest, lines };
}

/**
 * Footnote texts as printed at the bottom of pages, by number: [first line, last line].
 * The source is pinned by its SHA-256, so the positions are fixed; each is checked
 * against the expected opening words to fail loudly if the layout ever differs.
 */
export const FOOTNOTE_SPANS: ReadonlyArray<{ n: number; start: number; end: number; opens: string }> = [
  { n: 1, start: 36, end: 37, opens: 'Algeria (October 2017)' },
  { n: 2, start: 38, end: 39, opens: 'GCTF (2018).' },
  { n: 3, start: 40, end: 41, opens: 'As a phenomenon' },
  { n: 4, start: 408, end: 410, opens: 'See United Nations Convention against Transnational' },
  { n: 5, start: 443, end: 444, opens: 'The Role of Whistle-blowers' },
  { n: 6, start: 474, end: 477, opens: 'See United Nations Convention against Corruption' },
  { n: 7, start: 478, end: 479, opens: 'For details on a possible methodology' },
  { n: 8, start: 517, end: 517, opens: 'See also GCTF, Ankara Memorandum' },
  { n: 10, start: 749, end: 750, opens: '10 For further details' },
  { n: 11, start: 751, end: 751, opens: '11 See the document' },
  { n: 12, start: 785, end: 785, opens: '12 GP 8 and GP 9 were merged' },
  { n: 13, start: 818, end: 821, opens: '13 For the scope' },
  { n: 14, start: 1019, end: 1023, opens: '14 The principle' },
  { n: 15, start: 1063, end: 1065, opens: '15 Community-oriented policing' },
  { n: 16, start: 1066, end: 1066, opens: '16 For further information' },
  { n: 17, start: 1255, end: 1256, opens: '17 For further information' },
  { n: 18, start: 1314, end: 1316, opens: '18 “A Referral Mechanism' },
];

const RUNNING_HEADERS = new Set(['POLICY TOOLKIT', 'Section 2 - Good Practices & Knowledge Repository']);

export interface LineInfo {
  /** True for lines that are not running text: footnote blocks, headers, lone numbers. */
  removed: boolean;
  page?: number;
  /** Footnote number when the line belongs to a footnote text. */
  footnote?: number;
}

export function isRunningHeader(line: string): boolean {
  return RUNNING_HEADERS.has(line.trim());
}

/**
 * Printed page of every line. A printed page number ends its page, so each line is
 * numbered back from the next printed number (forward from the last one), never below
 * the page after the previous printed number: pages never jump and every page between
 * two printed numbers exists. Where the page starts between two printed numbers do not
 * match their difference, the segment is reported.
 */
export function derivePages(
  pageIndex: number[],
  anchors: ReadonlyArray<{ line: number; page: number }>,
  notes: Array<{ line: number; message: string }>,
): Array<{ line: number; page: number }> {
  const sorted = [...anchors].sort((a, b) => a.line - b.line);
  const idxAt = (line: number): number => pageIndex[line - 1] ?? 0;
  sorted.forEach((a, k) => {
    const prev = sorted[k - 1];
    if (!prev) return;
    const starts = idxAt(a.line) - idxAt(prev.line);
    if (starts !== a.page - prev.page) {
      notes.push({
        line: prev.line,
        message: `${starts} page starts between printed page ${prev.page} (line ${prev.line}) and printed page ${a.page} (line ${a.line}) for ${a.page - prev.page} pages; pages there are counted back from page ${a.page}`,
      });
    }
  });
  const out: Array<{ line: number; page: number }> = [];
  let last = 0;
  pageIndex.forEach((p, i) => {
    const line = i + 1;
    const next = sorted.find((a) => a.line >= line);
    const prev = [...sorted].reverse().find((a) => a.line < line);
    let page: number;
    if (next) {
      page = next.page - (idxAt(next.line) - p);
      if (prev) page = p > idxAt(prev.line) ? Math.max(page, prev.page + 1) : prev.page;
    } else if (prev) page = prev.page + (p - idxAt(prev.line));
    else page = p;
    // never backwards, never more than one page forward from the line before
    if (last > 0) page = Math.min(Math.max(page, last), last + 1);
    last = page;
    out.push({ line, page });
  });
  return out;
}

/** `pageNotes` receives the ambiguities met while numbering pages. */
export function analyseLines(src: SourceFile, pageNotes: Array<{ line: number; message: string }> = []): LineInfo[] {
  const { lines } = src;
  const info: LineInfo[] = lines.map(() => ({ removed: false }));
  const get = (n: number): LineInfo => info[n - 1] as LineInfo;
  for (const fn of FOOTNOTE_SPANS) {
    const first = (lines[fn.start - 1] ?? '').trim();
    if (!first.startsWith(fn.opens)) {
      throw new Error(`Footnote ${fn.n} expected at line ${fn.start} ("${fn.opens}…"), found "${first.slice(0, 60)}"`);
    }
    for (let l = fn.start; l <= fn.end; l++) {
      get(l).removed = true;
      get(l).footnote = fn.n;
    }
  }
  // Lone numbers: footnote numbers (1..18, in the block above a footnote text) or printed page numbers.
  const pageAnchors: Array<{ line: number; page: number }> = [];
  lines.forEach((line, i) => {
    const t = line.trim();
    if (isRunningHeader(line)) get(i + 1).removed = true;
    if (/^\d{1,3}$/.test(t) && line === t) {
      get(i + 1).removed = true;
      const n = Number(t);
      // Footnote numbers precede a footnote text within a few lines; page numbers do not.
      const nearFootnote = FOOTNOTE_SPANS.some((f) => f.n === n && f.start > i + 1 && f.start - (i + 1) <= 8);
      const isFootnoteNumber = nearFootnote || (n === 9 && i + 1 === 654) || (n === 16 && i + 1 === 588) || (n <= 3 && i + 1 < 40) || (n === 8 && i + 1 === 513) || (n === 4 && i + 1 === 406) || (n === 5 && i + 1 === 439) || ((n === 6 || n === 7) && i + 1 >= 470 && i + 1 <= 472);
      if (!isFootnoteNumber) pageAnchors.push({ line: i + 1, page: n });
    }
  });
  // Pages: a line beginning with whitespace starts a page, except an "Action N" heading
  // printed with its own one-space indent (GP 17, 22, 23, 24); "  Action 3" (two spaces,
  // line 1685) is such a heading at the top of a page. The first text after a printed
  // page number starts the next page when that page start lost its leading space.
  const pageIndex: number[] = [];
  let idx = 0;
  const anchorLines = new Set(pageAnchors.map((a) => a.line));
  let afterPageNumber = false;
  lines.forEach((line, i) => {
    const content = line.trim() !== '' && !(info[i] as LineInfo).removed;
    const starts = i === 0 || (/^\s+\S/.test(line) && !/^ Action \d/.test(line));
    if (starts || (afterPageNumber && content)) {
      idx++;
      afterPageNumber = false;
    }
    if (anchorLines.has(i + 1)) afterPageNumber = true;
    pageIndex.push(idx);
  });
  for (const p of derivePages(pageIndex, pageAnchors, pageNotes)) {
    if (p.page > 0) get(p.line).page = p.page;
  }
  return info;
}
