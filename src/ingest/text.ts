// Cleaning of PDF-extraction artefacts: glyphs, line joins, web addresses, footnote markers.

/** Bullet glyphs of the extraction: item, international standard, sub-item, sub-sub-item. */
export const GLYPHS = ['ĦĦ', 'hh', '\\\\', 'ÎÎ'] as const;
export type Glyph = (typeof GLYPHS)[number];

export function glyphOf(line: string): Glyph | undefined {
  const t = line.trimStart();
  if (t.startsWith('ĦĦ')) return 'ĦĦ';
  if (t.startsWith('\\\\')) return '\\\\';
  if (t.startsWith('ÎÎ')) return 'ÎÎ';
  if (/^hh\s/.test(t)) return 'hh';
  return undefined;
}

export function stripGlyph(line: string): string {
  const t = line.trim();
  const g = glyphOf(t);
  return g ? t.slice(g.length).trim() : t;
}

const URL_TOKEN = /(https?:\s?\/\/|www\.)\S*$/;

/** Joins extracted lines into running text, repairing web addresses broken across lines. */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (out === '') {
      out = line;
      continue;
    }
    const m = URL_TOKEN.exec(out);
    const urlBroken =
      m !== null &&
      (/[/\-_=?&#%]$/.test(out) || (/\.$/.test(out) && /^[a-z0-9]/.test(line) && !/^\S+\s/.test(line.split(' ')[0] ?? '')));
    out += urlBroken ? line : ' ' + line;
  }
  return normaliseSpaces(out);
}

export function normaliseSpaces(s: string): string {
  return s
    .replace(/https?:\s+\/\//g, (x) => x.replace(/\s+/g, ''))
    .replace(/\s+/g, ' ')
    // A slash printed with a space on one side only ("institutions/ organizations",
    // "P/ CVE", "actions /adjust") joins its words; "illicit / illegal" keeps both spaces.
    .replace(/(?<=[\p{L}\p{N})])\/ (?=[\p{L}\p{N}(])/gu, '/')
    .replace(/(?<=[\p{L}\p{N})]) \/(?=[\p{L}\p{N}(])/gu, '/')
    .replace(/\s+([,;.])(?=\s|$)/g, '$1')
    .trim();
}

/**
 * Removes footnote markers glued to the preceding word ("mechanism18", "crime.4",
 * "‘do no harm’ 14 principle") and reports their numbers. Web addresses, years,
 * symbols ("A/70/674", "S/2015/366") and section signs are left alone.
 */
export function stripFootnoteMarkers(text: string, known: ReadonlySet<number>): { text: string; footnotes: number[] } {
  const footnotes: number[] = [];
  const tokens = text.split(' ');
  const out = tokens.map((tok, i) => {
    // A marker separated by a space after a closing quote: "‘do no harm’ 14 principle".
    if (/^\d{1,2}$/.test(tok) && i > 0 && /[\u2019\u201d]$/.test(tokens[i - 1] ?? '') && known.has(Number(tok))) {
      footnotes.push(Number(tok));
      return '';
    }
    if (/https?:|www\.|\/|@|§|#/.test(tok)) return tok;
    const m = /^(.*?[A-Za-z\u2019\u201d)'.;,])(\d{1,2})([.,;:)]*)$/.exec(tok);
    if (m) {
      const n = Number(m[2]);
      const before = m[1] as string;
      // "G.P.3", "FATF10" style: digits after an upper-case abbreviation are markers only for known notes.
      // Digits after a number and punctuation are numbering ("Article 28.2", "9,10", "(2012)11").
      if (known.has(n) && !/^G\.P\.$/.test(before) && !/^[A-Z]{1,2}$/.test(before) && !/\d[.,;)]$/.test(before)) {
        footnotes.push(n);
        return before + (m[3] ?? '');
      }
    }
    return tok;
  });
  return { text: out.join(' ').replace(/\s+/g, ' ').trim(), footnotes };
}

export function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Extracts web addresses from clean text. */
export function findUrls(text: string): string[] {
  const urls = text.match(/(https?:\/\/|www\.)[^\s;,()“”"]+/g) ?? [];
  // "www.theGCTF.org" is printed without a scheme; the address field must be absolute (the text keeps the print).
  return urls.map((u) => u.replace(/[.;:]+$/, '')).map((u) => (u.startsWith('www.') ? `http://${u}` : u));
}
