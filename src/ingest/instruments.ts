// "Relevant international standards/documents" entries (and footnotes) ->
// citations of instruments from the reviewed instrument table.
//
// An entry is matched against every alias of every instrument (UN symbols such
// as "S/2015/366" or "A/RES/55/25", titles, short names); the longest
// non-overlapping matches win, so "Technical Guide to the United Nations
// Convention against Corruption" is not also read as the Convention. An entry
// may name several instruments ("S/RES/2199 (2015); S/RES/2133 (2014); ...").
// The provisions cited are read from the text that follows each match.
import type { CitationDraft, IngestNote, ListEntry } from './model.js';
import { FALLBACK_INSTRUMENT_ID, normaliseWording, type NormalisationTables } from './tables.js';

export interface ResolvedInstruments {
  citations: CitationDraft[];
  notes: IngestNote[];
}

interface Match {
  id: string;
  start: number;
  end: number;
}

const sortedAliasCache = new WeakMap<NormalisationTables, [string, string][]>();

function sortedAliases(tables: NormalisationTables): [string, string][] {
  let list = sortedAliasCache.get(tables);
  if (!list) {
    list = [...tables.instrumentByAlias.entries()]
      .filter(([, id]) => id !== FALLBACK_INSTRUMENT_ID)
      .sort((a, b) => b[0].length - a[0].length || a[0].localeCompare(b[0]));
    sortedAliasCache.set(tables, list);
  }
  return list;
}

const WORD = /[a-z0-9]/;

/** Instruments named in a normalised text, in reading order, one per run of the same instrument. */
function findInstruments(norm: string, tables: NormalisationTables): Match[] {
  const taken: Match[] = [];
  for (const [alias, id] of sortedAliases(tables)) {
    let from = 0;
    for (;;) {
      const at = norm.indexOf(alias, from);
      if (at === -1) break;
      from = at + 1;
      const end = at + alias.length;
      if (WORD.test(norm[at - 1] ?? '') || WORD.test(norm[end] ?? '')) continue;
      if (taken.some((m) => at < m.end && end > m.start)) continue;
      taken.push({ id, start: at, end });
    }
  }
  taken.sort((a, b) => a.start - b.start);
  const runs: Match[] = [];
  for (const m of taken) {
    const last = runs[runs.length - 1];
    if (last && last.id === m.id) last.end = Math.max(last.end, m.end);
    else runs.push({ ...m });
  }
  return runs;
}

const NUM_LIST = String.raw`(\d+(?:\.\d+)*(?:\s*(?:,|and|&)\s*\d+(?:\.\d+)*)*)`;

function numbers(list: string): string[] {
  return list.match(/\d+(?:\.\d+)*/g) ?? [];
}

/**
 * Provisions cited in a normalised piece of text: "good practices 1, 20 and 23"
 * -> ["Good Practice 1", "Good Practice 20", "Good Practice 23"], "§75- 77" ->
 * ["§75-77"], "article 7 and 28.1" -> ["Article 7", "Article 28.1"].
 */
export function extractProvisions(norm: string, onRepair?: (printed: string, read: string) => void): string[] {
  const out: string[] = [];
  const add = (p: string): void => {
    if (!out.includes(p)) out.push(p);
  };
  const found: { at: number; items: string[] }[] = [];
  const scan = (re: RegExp, f: (m: RegExpExecArray) => string[]): void => {
    for (let m = re.exec(norm); m !== null; m = re.exec(norm)) found.push({ at: m.index, items: f(m) });
  };
  scan(new RegExp(String.raw`\bgood practices? ${NUM_LIST}`, 'g'), (m) => numbers(m[1]!).map((n) => `Good Practice ${n}`));
  scan(new RegExp(String.raw`\brecommendations? ${NUM_LIST}`, 'g'), (m) => numbers(m[1]!).map((n) => `Recommendation ${n}`));
  scan(new RegExp(String.raw`\barticles? ${NUM_LIST}`, 'g'), (m) => numbers(m[1]!).map((n) => `Article ${n}`));
  scan(/\bgoal (\d+)/g, (m) => [`Goal ${m[1]}`]);
  scan(/\bpoint (\d+)\b/g, (m) => [`Point ${m[1]}`]);
  scan(/\bchapter (\d+(?:\/[a-z])?)/g, (m) => [`Chapter ${m[1]!.toUpperCase()}`]);
  scan(/§\s*(\d+)(?:\s*-\s*(\d+)|((?:\s*(?:,|and)\s*\d+)*))/g, (m) => {
    if (m[2] !== undefined) return [`§${m[1]}-${m[2]}`];
    const list = [m[1]!, ...numbers(m[3] ?? '')];
    if (list.length === 1 && m[1]!.length === 4) {
      // a lost hyphen in the extraction: "§6265" is printed for "§62-65"
      const a = m[1]!.slice(0, 2);
      const b = m[1]!.slice(2);
      if (Number(a) < Number(b)) {
        onRepair?.(m[0], `§${a}-${b}`);
        return [`§${a}-${b}`];
      }
    }
    return list.map((n) => `§${n}`);
  });
  found.sort((a, b) => a.at - b.at);
  for (const f of found) f.items.forEach(add);
  return out;
}

/** Citations of the instruments named in one text (an entry or a footnote). */
function citationsIn(
  text: string,
  span: ListEntry['span'],
  tables: NormalisationTables,
  notes: IngestNote[],
  viaFootnote?: number,
): CitationDraft[] {
  const norm = normaliseWording(text);
  const matches = findInstruments(norm, tables);
  return matches.map((m, i) => {
    const next = matches[i + 1];
    const segment = norm.slice(m.end, next ? next.start : undefined);
    const provisions = extractProvisions(segment, (printed, read) =>
      notes.push({
        level: 'info',
        code: 'source.inconsistent',
        message: `Provision printed "${printed}" read as "${read}" (hyphen lost in the extraction) in "${text}"`,
        line: span.startLine,
      }),
    );
    return { instrumentId: m.id, provisions, text, ...(viaFootnote !== undefined ? { viaFootnote } : {}), span };
  });
}

export function resolveInstruments(entries: ListEntry[], tables: NormalisationTables): ResolvedInstruments {
  const citations: CitationDraft[] = [];
  const notes: IngestNote[] = [];
  for (const entry of entries) {
    const found = citationsIn(entry.text, entry.span, tables, notes);
    if (found.length === 0) {
      notes.push({
        level: 'warning',
        code: 'instrument.unresolved',
        message: `Document "${entry.text}" is not in data/normalisation/instruments.json; recorded as ${FALLBACK_INSTRUMENT_ID}`,
        line: entry.span.startLine,
      });
      found.push({
        instrumentId: FALLBACK_INSTRUMENT_ID,
        provisions: extractProvisions(normaliseWording(entry.text)),
        text: entry.text,
        span: entry.span,
      });
    }
    for (const c of found) {
      // The same document listed twice in one list (e.g. "A/RES/55/25" and
      // "United Nations Convention against Transnational Organized Crime,
      // Article 28.2.") is one citation with both wordings.
      const same = citations.find((x) => x.instrumentId === c.instrumentId && c.instrumentId !== FALLBACK_INSTRUMENT_ID);
      if (same) {
        for (const p of c.provisions) if (!same.provisions.includes(p)) same.provisions.push(p);
        // one line of text: the two wordings as a list (the source lines keep the print)
        if (same.text !== c.text) same.text = `${same.text.replace(/[\s;,.]+$/, '')}; ${c.text}`;
        same.span = {
          ...same.span,
          startLine: Math.min(same.span.startLine, c.span.startLine),
          endLine: Math.max(same.span.endLine, c.span.endLine),
          text: same.span.text === c.span.text ? same.span.text : `${same.span.text}\n${c.span.text}`,
        };
        notes.push({
          level: 'info',
          code: 'instrument.merged',
          message: `"${c.text}" names ${c.instrumentId} again in the same list; merged into one citation`,
          line: c.span.startLine,
        });
      } else {
        citations.push(c);
      }
    }
  }
  return { citations, notes };
}

/** Instruments named in footnote `footnoteNumber` (no fallback: most footnotes name none). */
export function findFootnoteCitations(
  footnoteNumber: number,
  footnote: ListEntry,
  tables: NormalisationTables,
): CitationDraft[] {
  return citationsIn(footnote.text, footnote.span, tables, [], footnoteNumber);
}
