// Line-break repairs: words and web addresses whose hyphen (or space) the PDF extraction
// lost where a printed line broke ("services support" for "services-support", "onthe").
// The reviewed table data/normalisation/line-break-repairs.json keeps the evidence of each
// repair; every repair is anchored to the source lines that print the broken form, and
// ingest:check reports each one with the number of texts it changed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IngestNote } from './model.js';
import type { SourceFile } from './source.js';
import { DEFAULT_NORMALISATION_DIR } from './tables.js';

export const DEFAULT_REPAIRS_PATH = resolve(DEFAULT_NORMALISATION_DIR, 'line-break-repairs.json');

export type RepairEvidence = 'printed-elsewhere' | 'dictionary' | 'site-path';

export interface Repair {
  /** The broken form as the joined text has it (a space where a line broke inside a word). */
  printed: string;
  repaired: string;
  /** Source lines printing the broken form. */
  lines: number[];
  kind: RepairEvidence;
  evidence: string;
}

export interface Unrepaired {
  printed: string;
  lines: number[];
  note: string;
}

export interface RepairTable {
  repairs: Repair[];
  unrepaired: Unrepaired[];
}

const KINDS: ReadonlySet<string> = new Set(['printed-elsewhere', 'dictionary', 'site-path']);

export function loadRepairTable(path: string = DEFAULT_REPAIRS_PATH): RepairTable {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<RepairTable>;
  const fail = (i: number, msg: string): never => {
    throw new Error(`${path}: repair ${i + 1}: ${msg}`);
  };
  const lines = (x: unknown): x is number[] => Array.isArray(x) && x.length > 0 && x.every((n) => Number.isInteger(n) && n > 0);
  const repairs = raw.repairs ?? [];
  const unrepaired = raw.unrepaired ?? [];
  repairs.forEach((r, i) => {
    if (typeof r.printed !== 'string' || r.printed.trim() === '') fail(i, 'missing "printed"');
    if (typeof r.repaired !== 'string' || r.repaired.trim() === '' || r.repaired === r.printed) fail(i, '"repaired" must differ from "printed"');
    if (!lines(r.lines)) fail(i, '"lines" must list the source lines printing the broken form');
    if (!KINDS.has(r.kind)) fail(i, `"kind" must be one of ${[...KINDS].join(', ')}`);
    if (typeof r.evidence !== 'string' || r.evidence.trim() === '') fail(i, 'missing "evidence"');
    if (repairs.some((o, j) => j !== i && o.printed === r.printed)) fail(i, `"${r.printed}" listed twice`);
  });
  unrepaired.forEach((u, i) => {
    if (typeof u.printed !== 'string' || !lines(u.lines) || typeof u.note !== 'string' || u.note.trim() === '') {
      throw new Error(`${path}: unrepaired ${i + 1}: needs "printed", "lines" and "note"`);
    }
  });
  return { repairs, unrepaired };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const squash = (s: string): string => s.replace(/\s+/g, '');

/** Applies the table to clean text and counts what it changed. */
export class Repairer {
  private readonly patterns: Array<{ repair: Repair; re: RegExp }>;
  private readonly uses = new Map<Repair, number>();

  constructor(readonly table: RepairTable) {
    this.patterns = table.repairs.map((repair) => ({
      repair,
      re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(repair.printed).replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'gu'),
    }));
  }

  apply(text: string): string {
    let out = text;
    for (const { repair, re } of this.patterns) {
      out = out.replace(re, () => {
        this.uses.set(repair, (this.uses.get(repair) ?? 0) + 1);
        return repair.repaired;
      });
    }
    return out;
  }

  /**
   * One note per repair (with its evidence and how many texts it changed) and per
   * unrepaired form; errors for a repair whose broken form is not printed at its lines
   * or that changed nothing (a stale table).
   */
  report(src: SourceFile): IngestNote[] {
    const notes: IngestNote[] = [];
    const printedAt = (printed: string, line: number): boolean => {
      const here = src.lines[line - 1] ?? '';
      const next = src.lines[line] ?? '';
      return [here, `${here} ${next}`, `${here}${next.trim()}`].some((t) => t.replace(/\s+/g, ' ').includes(printed) || squash(t).includes(squash(printed)));
    };
    for (const r of this.table.repairs) {
      const missing = r.lines.filter((l) => !printedAt(r.printed, l));
      if (missing.length > 0) {
        notes.push({ level: 'error', code: 'text.repair-unanchored', message: `"${r.printed}" is not printed at line(s) ${missing.join(', ')}`, line: missing[0] as number });
      }
      const n = this.uses.get(r) ?? 0;
      if (n === 0) notes.push({ level: 'error', code: 'text.repair-unused', message: `repair "${r.printed}" -> "${r.repaired}" changed no text`, line: r.lines[0] as number });
      else notes.push({ level: 'info', code: 'text.repair', message: `"${r.printed}" -> "${r.repaired}" (${r.kind}: ${r.evidence}; ${n} text(s))`, line: r.lines[0] as number });
    }
    for (const u of this.table.unrepaired) {
      const missing = u.lines.filter((l) => !printedAt(u.printed, l));
      if (missing.length > 0) notes.push({ level: 'error', code: 'text.repair-unanchored', message: `"${u.printed}" is not printed at line(s) ${missing.join(', ')}`, line: missing[0] as number });
      notes.push({ level: 'warning', code: 'text.ambiguous', message: `"${u.printed}" kept as printed: ${u.note}`, line: u.lines[0] as number });
    }
    return notes;
  }
}
