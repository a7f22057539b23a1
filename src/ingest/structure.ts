// Structural parser: areas, good practices, key actions, steps, lists and footnotes.
import type { IngestNote, ListEntry, SourceSpan } from './model.js';
import type { Repairer } from './repairs.js';
import { FOOTNOTE_SPANS, type LineInfo, type SourceFile } from './source.js';
import { findUrls, glyphOf, joinLines, stripFootnoteMarkers, stripGlyph } from './text.js';

export const FOOTNOTE_NUMBERS: ReadonlySet<number> = new Set(Array.from({ length: 18 }, (_, i) => i + 1));

export interface CleanText {
  text: string;
  footnotes: number[];
}

export interface ItemTree {
  text: string;
  items: ItemTree[];
  footnotes: number[];
}

export interface StepDraft {
  id: string;
  number: number;
  order: number;
  actionId?: string;
  text: string;
  items: ItemTree[];
  footnotes: number[];
  span: SourceSpan;
}

export interface ActionDraft {
  id: string;
  number: number;
  order: number;
  text: string;
  lead?: string;
  /** Sub-items printed under the action itself (GP 24 has actions without steps). */
  items: string[];
  footnotes: number[];
  span: SourceSpan;
}

export interface PracticeDraft {
  number: number;
  id: string;
  title: string;
  areaCode: string;
  lead?: string;
  leadFootnotes: number[];
  titleFootnotes: number[];
  bodyOwner: number;
  span: SourceSpan;
  actions: ActionDraft[];
  steps: StepDraft[];
  keyActors: ListEntry[];
  standards: ListEntry[];
  examples: ListEntry[];
}

export interface AreaDraft {
  code: string;
  title: string;
  order: number;
  span: SourceSpan;
}

export interface FootnoteDraft {
  number: number;
  text: string;
  urls: string[];
  span: SourceSpan;
}

export interface SectionDraft {
  number: number;
  title: string;
  span: SourceSpan;
  /** Running text of the section outside its practices (Section 2's opening). */
  paragraphs?: string[];
}

export interface StructureResult {
  sections: SectionDraft[];
  areas: AreaDraft[];
  practices: PracticeDraft[];
  footnotes: FootnoteDraft[];
  notes: IngestNote[];
}

export class Doc {
  constructor(
    readonly src: SourceFile,
    readonly info: LineInfo[],
    /** Line-break repairs applied to every clean text (none when absent). */
    readonly repairer?: Repairer,
  ) {}

  /** Repairs words and web addresses broken at line ends (data/normalisation/line-break-repairs.json). */
  repair(text: string): string {
    return this.repairer ? this.repairer.apply(text) : text;
  }

  line(n: number): string {
    return this.src.lines[n - 1] ?? '';
  }

  removed(n: number): boolean {
    return this.info[n - 1]?.removed ?? false;
  }

  span(start: number, end: number): SourceSpan {
    const lines = this.src.lines.slice(start - 1, end);
    const page = this.info[start - 1]?.page;
    const s: SourceSpan = { startLine: start, endLine: end, text: lines.join('\n') };
    if (page !== undefined) s.page = page;
    return s;
  }

  /** Clean running text of the given (already selected) text pieces. */
  clean(pieces: string[]): CleanText {
    return stripFootnoteMarkers(this.repair(joinLines(pieces)), FOOTNOTE_NUMBERS);
  }
}

function titleCase(s: string): string {
  const small = new Set(['and', 'of', 'the', 'in', 'on', 'for']);
  return s
    .toLowerCase()
    .split(' ')
    .map((w, i) => (i > 0 && small.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

const GP_HEADING = /^\s*Good Practice (\d+):\s*(.*)$/;
const AREA_HEADING = /^\s*([A-D])\.\s+([A-Z][A-Z ,&]+)$/;
const KEY_ACTIONS = /^\s*Key actions\s*$/;
const KEY_ACTORS = /^\s*Key actors\s*$/;
const STANDARDS = /^\s*Relevant international standards?\/documents\s*$/;
const EXAMPLES = /^\s*Examples\s*$/;
const ACTION = /^\s*Action (\d+)\s*:?\s*[-–]?\s*(.*)$/;
const STEP = /^Step (\d+)\s*[–-]\s*(.*)$/;

interface LogicalLine {
  line: number;
  text: string;
  /** Last source line of the text when words printed further down were put back into it. */
  last?: number;
}

/** The non-removed lines of a range, with "Step N - " starting mid-line split off (GP 2). */
function logicalLines(doc: Doc, start: number, end: number): LogicalLine[] {
  const out: LogicalLine[] = [];
  for (let l = start; l <= end; l++) {
    if (doc.removed(l)) continue;
    const t = doc.line(l);
    if (t.trim() === '') continue;
    const mid = /^(.*\.)\s+(Step \d+\s*[–-]\s.*)$/.exec(t.trim());
    if (mid && !/^ĦĦ\s*Step/.test(t.trim())) {
      out.push({ line: l, text: mid[1] as string });
      out.push({ line: l, text: 'ĦĦ ' + (mid[2] as string) });
    } else out.push({ line: l, text: t });
  }
  return repairScatteredWords(doc, out);
}

/**
 * Justified lines sometimes come out as single words on lines of their own, after the
 * line they belong in ("policing15;" / "protection16 programs." / "establishing" /
 * "whistle-blower" / "and" / "witness"): put such a run back before that line.
 */
function repairScatteredWords(doc: Doc, lines: LogicalLine[]): LogicalLine[] {
  const isolated = (x: LogicalLine): boolean =>
    /^\S+$/.test(x.text.trim()) && !glyphOf(x.text) && doc.line(x.line - 1).trim() === '' && doc.line(x.line + 1).trim() === '';
  const out: LogicalLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const x = lines[i] as LogicalLine;
    if (!isolated(x)) {
      out.push(x);
      continue;
    }
    let j = i;
    const words: string[] = [];
    while (j < lines.length && isolated(lines[j] as LogicalLine)) words.push((lines[j++] as LogicalLine).text.trim());
    const prev = out[out.length - 1];
    if (words.length >= 2 && prev) {
      out[out.length - 1] = { line: prev.line, text: `${words.join(' ')} ${prev.text.trim()}`, last: Math.max(prev.last ?? prev.line, (lines[j - 1] as LogicalLine).line) };
    }
    else for (let k = i; k < j; k++) out.push(lines[k] as LogicalLine);
    i = j - 1;
  }
  return out;
}

interface Entry {
  kind: 'glyph' | 'plain' | 'action';
  glyph?: string;
  start: number;
  end: number;
  pieces: string[];
}

function group(lines: LogicalLine[]): Entry[] {
  const entries: Entry[] = [];
  for (const ll of lines) {
    const g = glyphOf(ll.text);
    const isAction = ACTION.test(ll.text);
    const last = entries[entries.length - 1];
    if (g || isAction || !last) {
      const e: Entry = { kind: isAction ? 'action' : g ? 'glyph' : 'plain', start: ll.line, end: ll.last ?? ll.line, pieces: [g ? stripGlyph(ll.text) : ll.text.trim()] };
      if (g) e.glyph = g;
      entries.push(e);
    } else {
      last.pieces.push(ll.text.trim());
      last.end = Math.max(last.end, ll.last ?? ll.line);
    }
  }
  return entries;
}

export function parseStructure(doc: Doc): StructureResult {
  const notes: IngestNote[] = [];
  const n = doc.src.lines.length;
  const gpLines: Array<{ num: number; line: number }> = [];
  const areaLines: Array<{ code: string; title: string; line: number }> = [];
  let section2Line = 0;
  for (let l = 1; l <= n; l++) {
    const t = doc.line(l);
    if (/^\s*Section 2 - Good Practices &\s*$/.test(t) && section2Line === 0) section2Line = l;
    if (section2Line === 0) continue;
    const gp = GP_HEADING.exec(t);
    if (gp) gpLines.push({ num: Number(gp[1]), line: l });
    const a = AREA_HEADING.exec(t);
    if (a) areaLines.push({ code: a[1] as string, title: (a[2] as string).trim(), line: l });
  }
  // Section 2 opens with paragraphs and a bulleted list before area A: one string per
  // paragraph or bullet, glyphs removed.
  const intro: string[][] = [];
  let inBullet = false;
  for (let l = section2Line + 2; l < (areaLines[0]?.line ?? section2Line); l++) {
    if (doc.removed(l) || doc.line(l).trim() === '') continue;
    const bullet = glyphOf(doc.line(l)) !== undefined;
    const last = intro[intro.length - 1];
    // after a bullet, a sentence starting on a line of its own is the next paragraph
    const after = inBullet && !bullet && /[.;]$/.test(last?.[last.length - 1] ?? '') && /^[A-Z]/.test(doc.line(l).trim());
    if (bullet || after || !last) intro.push([]);
    if (bullet) inBullet = true;
    else if (after) inBullet = false;
    intro[intro.length - 1]?.push(stripGlyph(doc.line(l)));
  }
  const sections: SectionDraft[] = [
    { number: 1, title: 'Introduction to the Policy Toolkit', span: doc.span(1, section2Line - 1) },
    { number: 2, title: 'Good Practices & Knowledge Repository', span: doc.span(section2Line, n), paragraphs: intro.map((x) => doc.clean(x).text) },
  ];
  const areas: AreaDraft[] = areaLines.map((a, i) => ({
    code: a.code,
    title: titleCase(a.title),
    order: i + 1,
    span: doc.span(a.line, a.line),
  }));

  const practices: PracticeDraft[] = [];
  const blockEnd = (idx: number): number => {
    const next = gpLines[idx + 1]?.line ?? n + 1;
    const area = areaLines.find((a) => a.line > (gpLines[idx]?.line ?? 0) && a.line < next);
    return (area ? area.line : next) - 1;
  };
  for (let i = 0; i < gpLines.length; i++) {
    const { num, line } = gpLines[i] as { num: number; line: number };
    const end = blockEnd(i);
    const areaCode = [...areaLines].reverse().find((a) => a.line < line)?.code ?? '?';
    // Title: heading up to "Key actions" or the next heading (GP 8 runs into GP 9).
    let titleEnd = line;
    while (titleEnd + 1 <= end && !KEY_ACTIONS.test(doc.line(titleEnd + 1))) titleEnd++;
    const titleLines: string[] = [];
    for (let l = line; l <= titleEnd; l++) if (!doc.removed(l)) titleLines.push(l === line ? (GP_HEADING.exec(doc.line(l))?.[2] ?? '') : doc.line(l));
    const title = doc.clean(titleLines);
    let lastTitleLine = line;
    for (let l = line; l <= titleEnd; l++) if (doc.line(l).trim() !== '') lastTitleLine = l;
    const p: PracticeDraft = {
      number: num,
      id: `gp:${num}`,
      title: title.text,
      titleFootnotes: title.footnotes,
      areaCode,
      leadFootnotes: [],
      bodyOwner: num,
      span: doc.span(line, end),
      actions: [],
      steps: [],
      keyActors: [],
      standards: [],
      examples: [],
    };
    if (titleEnd === end) {
      // Heading only: the body is shared with the next practice (GP 8 / GP 9).
      p.span = doc.span(line, lastTitleLine);
      practices.push(p);
      continue;
    }
    parseBody(doc, p, titleEnd + 1, end, notes);
    practices.push(p);
  }
  // GP 8 and GP 9 share one body, stored under gp:8.
  const gp8 = practices.find((p) => p.number === 8);
  const gp9 = practices.find((p) => p.number === 9);
  if (gp8 && gp9 && gp8.steps.length === 0) {
    gp8.actions = gp9.actions;
    gp8.steps = gp9.steps;
    gp8.keyActors = gp9.keyActors;
    gp8.standards = gp9.standards;
    gp8.examples = gp9.examples;
    if (gp9.lead !== undefined) gp8.lead = gp9.lead;
    gp8.leadFootnotes = gp9.leadFootnotes;
    gp9.bodyOwner = 8;
    gp8.bodyOwner = 8;
    const rename = (id: string): string => id.replace(/^gp:9\//, 'gp:8/');
    for (const a of gp8.actions) a.id = rename(a.id);
    for (const s of gp8.steps) {
      s.id = rename(s.id);
      if (s.actionId) s.actionId = rename(s.actionId);
    }
  }

  const footnotes: FootnoteDraft[] = [];
  for (const f of FOOTNOTE_SPANS) {
    const lines = doc.src.lines.slice(f.start - 1, f.end);
    const joined = doc.repair(joinLines(lines)).replace(new RegExp(`^${f.n}\\s+`), '');
    footnotes.push({ number: f.n, text: joined, urls: findUrls(joined), span: doc.span(f.start, f.end) });
  }
  notes.push({ level: 'warning', code: 'footnote.missing', message: 'Footnote 9: the number is printed (line 654) but no footnote text is in the source' });
  return { sections, areas, practices, footnotes, notes };
}

function parseBody(doc: Doc, p: PracticeDraft, start: number, end: number, notes: IngestNote[]): void {
  // Split into list sections.
  type Part = 'actions' | 'actors' | 'standards' | 'examples';
  const parts: Record<Part, Array<number>> = { actions: [], actors: [], standards: [], examples: [] };
  let part: Part = 'actions';
  for (let l = start; l <= end; l++) {
    const t = doc.line(l);
    if (KEY_ACTIONS.test(t)) part = 'actions';
    else if (KEY_ACTORS.test(t)) part = 'actors';
    else if (STANDARDS.test(t)) part = 'standards';
    else if (EXAMPLES.test(t)) part = 'examples';
    else parts[part].push(l);
  }
  const ll = (ls: number[]): LogicalLine[] => (ls.length ? logicalLines(doc, ls[0] as number, ls[ls.length - 1] as number).filter((x) => !KEY_ACTORS.test(doc.line(x.line)) && !STANDARDS.test(doc.line(x.line)) && !EXAMPLES.test(doc.line(x.line)) && !KEY_ACTIONS.test(doc.line(x.line))) : []);
  const toEntries = (ls: number[]): ListEntry[] =>
    group(ll(ls)).map((e) => {
      const c = doc.clean(e.pieces);
      return { text: c.text, footnotes: c.footnotes, span: doc.span(e.start, e.end) };
    });
  p.keyActors = toEntries(parts.actors);
  p.standards = toEntries(parts.standards);
  p.examples = toEntries(parts.examples);

  const entries = group(ll(parts.actions));
  let action: ActionDraft | undefined;
  let step: StepDraft | undefined;
  let lastTop: ItemTree | undefined;
  const leadPieces: string[] = [];
  const actionLead: string[] = [];
  const flushActionLead = (): void => {
    if (action && actionLead.length) {
      const c = doc.clean(actionLead);
      action.lead = c.text;
      action.footnotes.push(...c.footnotes);
      actionLead.length = 0;
    }
  };
  for (const e of entries) {
    const first = e.pieces[0] ?? '';
    if (e.kind === 'action') {
      flushActionLead();
      const m = ACTION.exec(first) as RegExpExecArray;
      const c = doc.clean([m[2] as string, ...e.pieces.slice(1)]);
      action = {
        id: `${p.id}/action:${m[1]}`,
        number: Number(m[1]),
        order: p.actions.length + 1,
        text: c.text,
        items: [],
        footnotes: c.footnotes,
        span: doc.span(e.start, e.end),
      };
      p.actions.push(action);
      step = undefined;
      lastTop = undefined;
      continue;
    }
    const sm = e.glyph === 'ĦĦ' ? STEP.exec(first) : null;
    if (sm) {
      flushActionLead();
      const c = doc.clean([sm[2] as string, ...e.pieces.slice(1)]);
      const num = Number(sm[1]);
      step = {
        id: action ? `${action.id}/step:${num}` : `${p.id}/step:${num}`,
        number: num,
        order: p.steps.length + 1,
        text: c.text,
        items: [],
        footnotes: c.footnotes,
        span: doc.span(e.start, e.end),
      };
      if (action) step.actionId = action.id;
      p.steps.push(step);
      lastTop = undefined;
      continue;
    }
    const c = doc.clean(e.pieces);
    if (step) {
      step.span = doc.span(step.span.startLine, e.end);
      const item: ItemTree = { text: c.text, items: [], footnotes: c.footnotes };
      if (e.glyph === 'ÎÎ' && lastTop) lastTop.items.push(item);
      else if (e.kind === 'plain' && !e.glyph) {
        // A paragraph after the step heading: part of the step's text.
        step.text = `${step.text} ${c.text}`.trim();
        step.footnotes.push(...c.footnotes);
      } else {
        step.items.push(item);
        lastTop = item;
      }
    } else if (action) {
      if (e.glyph) {
        action.items.push(c.text);
        action.footnotes.push(...c.footnotes);
      } else {
        actionLead.push(e.pieces.join(' '));
      }
      action.span = doc.span(action.span.startLine, e.end);
    } else {
      leadPieces.push(...e.pieces);
    }
  }
  flushActionLead();
  if (leadPieces.length) {
    const c = doc.clean(leadPieces);
    p.lead = c.text;
    p.leadFootnotes = c.footnotes;
  }
  if (p.steps.length === 0 && p.actions.length === 0) {
    notes.push({ level: 'warning', code: 'practice.no-steps', message: `GP ${p.number} has no steps or actions`, line: start });
  }
}
