// Cross-references between practices in the running text ("see GP 3, Step 1",
// "refer to GPs 6, 8, 9, and 10", "link with Good Practice 14").
import type { IngestNote, SourceSpan } from './model.js';
import type { ItemTree, PracticeDraft } from './structure.js';

export interface ReferenceDraft {
  from: string;
  to: string;
  order: number;
  cue: string;
  text: string;
  fromStep?: string;
  /** The key action whose text makes the reference (GP 22's actions have no steps). */
  fromAction?: string;
  toStep?: string;
  span: SourceSpan;
}

const CUES = ['following the steps described under', 'see also', 'see', 'refer to', 'link with', 'link to', 'reference to', 'connected with'];
const CUE_RE = new RegExp(`\\b(${CUES.map((c) => c.replace(/ /g, '\\s+')).join('|')})\\b`, 'gi');
const REF_RE = /\b(?:(Step\s+(\d+)\s+of\s+(?:key\s+actions\s+in\s+)?)?)(?:GPs?|G\.P\.|Good\s+Practices?)\s*(\d+(?:\s*(?:-|–|,\s*and|,|and)\s*\d+)*)(?:,\s*Step\s+(\d+))?/g;
/** Titles of other GCTF documents whose own good practices are cited. */
const OTHER_DOCUMENT = /(Memorandum|Recommendations|GCTF Good|Good Practices (?:in|on) the Area|Ankara|Rome|Valletta)/;

function expand(list: string): number[] {
  const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(list.trim());
  if (range) {
    const out: number[] = [];
    for (let i = Number(range[1]); i <= Number(range[2]); i++) out.push(i);
    return out;
  }
  return (list.match(/\d+/g) ?? []).map(Number);
}

interface Text {
  text: string;
  span: SourceSpan;
  stepId?: string;
  actionId?: string;
}

const letters = (s: string): string => s.toLowerCase().replace(/[^a-z]+/g, '');

/**
 * The lines of `span` that print `sentence`: the shortest run of lines whose letters
 * contain the sentence's letters (footnote markers, hyphens and spaces aside); the whole
 * span when the sentence cannot be found line by line.
 */
export function sentenceLines(span: SourceSpan, sentence: string): { startLine: number; endLine: number } {
  // With digits first ("Good Practice 4" is not "Good Practice 5"), then without them
  // (a footnote marker glued to a word is printed in the source, not in the sentence).
  return findLines(span, sentence, (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '')) ?? findLines(span, sentence, letters) ?? { startLine: span.startLine, endLine: span.endLine };
}

function findLines(span: SourceSpan, sentence: string, key: (s: string) => string): { startLine: number; endLine: number } | undefined {
  const lines = span.text.split('\n').map(key);
  const want = key(sentence);
  let best: { startLine: number; endLine: number } | undefined;
  for (let i = 0; i < lines.length; i++) {
    let joined = '';
    for (let j = i; j < lines.length; j++) {
      joined += lines[j];
      if (joined.includes(want)) {
        if (!best || j - i < best.endLine - best.startLine) best = { startLine: span.startLine + i, endLine: span.startLine + j };
        break;
      }
    }
  }
  return best;
}

function flatten(items: ItemTree[]): string[] {
  return items.flatMap((i) => [i.text, ...flatten(i.items)]);
}

export function findReferences(practices: PracticeDraft[], notes: IngestNote[]): ReferenceDraft[] {
  const out: ReferenceDraft[] = [];
  const stepExists = (gp: number, step: number): string | undefined => {
    const p = practices.find((x) => x.number === gp);
    const owner = practices.find((x) => x.number === p?.bodyOwner);
    return owner?.steps.find((s) => s.number === step && !s.actionId)?.id;
  };
  for (const p of practices) {
    if (p.bodyOwner !== p.number) continue;
    const texts: Text[] = [];
    if (p.lead) texts.push({ text: p.lead, span: p.span });
    for (const a of p.actions) texts.push({ text: [a.text, a.lead ?? '', ...a.items].join(' '), span: a.span, actionId: a.id });
    for (const s of p.steps) texts.push({ text: [s.text, ...flatten(s.items)].join(' '), span: s.span, stepId: s.id });
    for (const t of texts) {
      // Split into clauses so a cue and its reference stay together.
      for (const sentence of t.text.split(/(?<!\b(?:e\.g|i\.e)\.)(?<=[.;])\s+(?=[A-Z(])/)) for (const clause of sentence.split(/(?=\()/)) {
        REF_RE.lastIndex = 0;
        for (let m = REF_RE.exec(clause); m; m = REF_RE.exec(clause)) {
          const before = clause.slice(0, m.index);
          if (OTHER_DOCUMENT.test(before)) continue;
          if (/merged/.test(clause)) continue;
          const cues = [...before.matchAll(CUE_RE)];
          const lastCue = cues[cues.length - 1];
          const viaStep = m[2] !== undefined;
          if (!lastCue && !viaStep) continue;
          const cue = lastCue ? (lastCue[1] as string).toLowerCase().replace(/\s+/g, ' ') : 'step of';
          const targets = expand(m[3] as string);
          const stepNo = m[2] ?? m[4];
          for (const gp of targets) {
            if (gp < 1 || gp > 25) continue;
            for (const recipient of practices.filter((x) => x.bodyOwner === p.number)) {
              if (gp === recipient.number || (recipient.bodyOwner === 8 && (gp === 8 || gp === 9))) continue;
              // The text and lines are those of the sentence that makes the reference.
              const lines = sentenceLines(t.span, sentence.trim());
              const r: ReferenceDraft = {
                from: recipient.id,
                to: `gp:${gp}`,
                order: 0,
                cue,
                text: sentence.trim(),
                span: { ...t.span, ...lines },
              };
              if (t.stepId) r.fromStep = t.stepId;
              if (t.actionId) r.fromAction = t.actionId;
              if (stepNo !== undefined && targets.length === 1) {
                const toStep = stepExists(gp, Number(stepNo));
                if (toStep) r.toStep = toStep;
                else notes.push({ level: 'warning', code: 'reference.step-missing', message: `GP ${gp} has no step ${stepNo}`, line: t.span.startLine });
              }
              out.push(r);
            }
          }
        }
      }
    }
  }
  // Order is the position among the references of the same practice.
  const counters = new Map<string, number>();
  for (const r of out) {
    const n = (counters.get(r.from) ?? 0) + 1;
    counters.set(r.from, n);
    r.order = n;
  }
  return out;
}
