// Section 1 concepts: nexus families, manifestations and notions, regional contexts,
// watch points, and the regional meetings named in footnote 1.
import type { IngestNote, SourceSpan } from './model.js';
import type { Doc } from './structure.js';
import { glyphOf, slug, stripGlyph } from './text.js';

export interface ConceptDraft {
  id: string;
  label: 'NexusFamily' | 'Manifestation' | 'Notion' | 'RegionalContext' | 'WatchPoint' | 'RegionalMeeting';
  properties: Record<string, string | number | string[]>;
  footnotes: number[];
  span: SourceSpan;
}

export interface ConceptLink {
  type: 'OF_FAMILY' | 'HAS_NOTION' | 'ASSOCIATED_WITH' | 'HAS_WATCH_POINT' | 'HAS_CONCEPT' | 'HAS_MEETING';
  start: string;
  end: string;
  order?: number;
}

export interface ConceptsResult {
  concepts: ConceptDraft[];
  links: ConceptLink[];
  /** Footnote markers in the opening text of Section 1. */
  introFootnotes: number[];
  /**
   * The running text of Section 1 that belongs to no concept: the opening text and the
   * paragraphs under "Defining the Concept", "Illustrative Examples: Regional Variations"
   * and "Nexus Watch Points", one string per heading.
   */
  paragraphs: string[];
  notes: IngestNote[];
}

/**
 * Regional contexts and the manifestations their descriptions name: politically stable
 * states show the transactional manifestations, transitional states hybrid and
 * transformational entities, (post) conflict states the instability of the black hole.
 */
const CONTEXT_MANIFESTATIONS: Record<string, string[]> = {
  'politically-stable-states': ['alliances', 'appropriation-of-tactics'],
  'transitional-states': ['hybrid', 'transformation'],
  'post-conflict-states': ['black-hole'],
};

function sentenceCase(s: string): string {
  const t = s.toLowerCase();
  const i = t.search(/[a-z]/);
  return i < 0 ? t : t.slice(0, i) + t.charAt(i).toUpperCase() + t.slice(i + 1);
}

export function parseConcepts(doc: Doc, section2Line: number): ConceptsResult {
  const notes: IngestNote[] = [];
  const concepts: ConceptDraft[] = [];
  const links: ConceptLink[] = [];
  const find = (re: RegExp, from = 1): number => {
    for (let l = from; l < section2Line; l++) if (re.test(doc.line(l))) return l;
    throw new Error(`Section 1: no line matching ${re} after line ${from}`);
  };
  const textOf = (start: number, end: number, skipFirst = false): { text: string; footnotes: number[] } => {
    const pieces: string[] = [];
    for (let l = start + (skipFirst ? 1 : 0); l <= end; l++) if (!doc.removed(l)) pieces.push(doc.line(l));
    return doc.clean(pieces);
  };
  const lastContent = (start: number, end: number): number => {
    let last = start;
    for (let l = start; l <= end; l++) if (doc.line(l).trim() !== '' && !doc.removed(l)) last = l;
    return last;
  };
  const add = (c: Omit<ConceptDraft, 'span'> & { start: number; end: number }): void => {
    const end = lastContent(c.start, c.end);
    concepts.push({ id: c.id, label: c.label, properties: c.properties, footnotes: c.footnotes, span: doc.span(c.start, end) });
  };

  // Opening text (markers 1-3).
  const defining = find(/^\s*Defining the Concept\s*$/);
  const intro = textOf(1, defining - 1);

  // Families and manifestations.
  const fam1 = find(/^\s*1\. TRANSACTIONAL NEXUS\s*$/);
  const fam2 = find(/^\s*2\. ORGANIZATIONAL NEXUS\s*$/);
  const illustrative = find(/^\s*Illustrative Examples/);
  const manifestLines: Array<{ letter: string; line: number; name: string }> = [];
  for (let l = fam1; l < illustrative; l++) {
    const m = /^\s*([a-f])\.\s*(.*)$/.exec(doc.line(l));
    if (!m) continue;
    let name = (m[2] as string).trim();
    if (name === '') {
      let k = l + 1;
      while (doc.line(k).trim() === '') k++;
      name = doc.line(k).trim();
    }
    manifestLines.push({ letter: m[1] as string, line: l, name });
  }
  const families = [
    { key: 'transactional', line: fam1, name: 'Transactional nexus' },
    { key: 'organizational', line: fam2, name: 'Organizational nexus' },
  ];
  families.forEach((f, i) => {
    const firstManifest = manifestLines.find((m) => m.line > f.line)?.line ?? illustrative;
    const d = textOf(f.line, firstManifest - 1, true);
    add({ id: `family:${f.key}`, label: 'NexusFamily', properties: { name: f.name, description: d.text }, footnotes: d.footnotes, start: f.line, end: firstManifest - 1 });
    links.push({ type: 'HAS_CONCEPT', start: 'section:1', end: `family:${f.key}`, order: i + 1 });
  });
  // Notions tied to manifestations (their paragraphs are their own nodes).
  const intermediary = find(/criminal intermediary/);
  const orgLearning = find(/^Organizational learning essentially/);
  const prisonRad = find(/^Prison radicalization, or prison recruitment/);
  const notionDefs: Array<{ name: string; start: number; end: number; manifestation: string }> = [
    { name: 'Criminal intermediary', start: intermediary, end: lastContent(intermediary, find(/^\s*b\. Appropriation/) - 1), manifestation: 'alliances' },
    { name: 'Organizational learning', start: orgLearning, end: prisonRad - 1, manifestation: 'appropriation-of-tactics' },
    { name: 'Prison radicalization', start: prisonRad, end: fam2 - 1, manifestation: 'appropriation-of-tactics' },
  ];
  const inNotion = (l: number): boolean => notionDefs.some((x) => l >= x.start && l <= x.end);
  manifestLines.forEach((m, i) => {
    const next = [manifestLines[i + 1]?.line, fam2 > m.line ? fam2 : undefined, illustrative].filter((x): x is number => x !== undefined && x > m.line);
    const end = Math.min(...next) - 1;
    const defLine = find(/^\s*Definition:/, m.line);
    // The definition is the paragraph opened by "Definition:": it ends at a short line
    // closing a sentence, followed by a line starting with a capital.
    let defEnd = defLine;
    while (defEnd < end) {
      const t = doc.line(defEnd).trim();
      const next = doc.line(defEnd + 1).trim();
      if (/[.)]$/.test(t) && t.length < 75 && /^[A-Z‘]/.test(next)) break;
      defEnd++;
    }
    const d = textOf(defLine, defEnd);
    // The paragraphs after the definition, up to the next heading, that are not a notion
    // of their own ("The one documented case is that of the Dawood Ibrahim group", line 155).
    const rest: string[] = [];
    for (let l = defEnd + 1; l <= end; l++) if (!doc.removed(l) && !inNotion(l)) rest.push(doc.line(l));
    const r = doc.clean(rest);
    const family = m.line < fam2 ? 'transactional' : 'organizational';
    const id = `manifestation:${slug(m.name)}`;
    const properties: ConceptDraft['properties'] = { letter: m.letter, name: m.name, family, definition: d.text.replace(/^Definition:\s*/, '') };
    if (r.text !== '') properties.description = r.text;
    add({
      id,
      label: 'Manifestation',
      properties,
      footnotes: [...d.footnotes, ...r.footnotes],
      start: m.line,
      end,
    });
    links.push({ type: 'OF_FAMILY', start: id, end: `family:${family}` });
  });

  for (const n of notionDefs) {
    const d = textOf(n.start, n.end);
    const id = `notion:${slug(n.name)}`;
    add({ id, label: 'Notion', properties: { name: n.name, description: d.text }, footnotes: d.footnotes, start: n.start, end: n.end });
    links.push({ type: 'HAS_NOTION', start: `manifestation:${n.manifestation}`, end: id });
  }

  // Regional contexts.
  const watch = find(/^\s*Nexus Watch Points\s*$/);
  const ctxLines: Array<{ line: number; name: string }> = [];
  for (let l = illustrative; l < watch; l++) {
    const m = /^\s*\d\.\s+([A-Z() ]+STATES)\s*$/.exec(doc.line(l));
    if (m) ctxLines.push({ line: l, name: sentenceCase((m[1] as string).trim()) });
  }
  ctxLines.forEach((c, i) => {
    const end = (ctxLines[i + 1]?.line ?? watch) - 1;
    const d = textOf(c.line, end, true);
    const key = slug(c.name);
    const id = `context:${key}`;
    add({ id, label: 'RegionalContext', properties: { name: c.name, description: d.text, order: i + 1 }, footnotes: d.footnotes, start: c.line, end });
    links.push({ type: 'HAS_CONCEPT', start: 'section:1', end: id, order: families.length + i + 1 });
    for (const m of CONTEXT_MANIFESTATIONS[key] ?? []) links.push({ type: 'ASSOCIATED_WITH', start: id, end: `manifestation:${m}` });
  });

  // Watch points: factor name lines followed by their indicators.
  const env = find(/^\s*1\. Environmental Factors\s*$/);
  const org = find(/^\s*II\. Organizational Factors\s*$/);
  let order = 0;
  for (const [category, from, to] of [
    ['environmental', env + 1, org - 1],
    ['organizational', org + 1, section2Line - 1],
  ] as const) {
    let name: string[] = [];
    let nameStart = 0;
    let indicators: Array<{ pieces: string[] }> = [];
    let lastLine = 0;
    const flush = (): void => {
      if (name.length === 0) return;
      const factor = name.join(' ');
      const inds = indicators.map((x) => doc.clean(x.pieces));
      order++;
      add({
        id: `watchpoint:${category}/${slug(factor)}`,
        label: 'WatchPoint',
        properties: { factor, category, indicators: inds.map((x) => x.text), order },
        footnotes: inds.flatMap((x) => x.footnotes),
        start: nameStart,
        end: lastLine,
      });
      links.push({ type: 'HAS_WATCH_POINT', start: 'section:1', end: `watchpoint:${category}/${slug(factor)}`, order });
      name = [];
      indicators = [];
    };
    for (let l = from; l <= to; l++) {
      const t = doc.line(l);
      if (t.trim() === '' || doc.removed(l)) continue;
      if (glyphOf(t)) {
        indicators.push({ pieces: [stripGlyph(t)] });
        lastLine = l;
      } else if (indicators.length > 0 && !/^[A-Z]/.test(t.trim())) {
        indicators[indicators.length - 1]?.pieces.push(t.trim());
        lastLine = l;
      } else if (indicators.length > 0 && doc.line(l - 1).trim() !== '') {
        // Continuation starting with a capital right after an indicator line.
        indicators[indicators.length - 1]?.pieces.push(t.trim());
        lastLine = l;
      } else {
        if (indicators.length > 0) flush();
        if (name.length === 0) nameStart = l;
        name.push(t.trim());
        lastLine = l;
      }
    }
    flush();
  }
  if (order !== 11) notes.push({ level: 'warning', code: 'watchpoint.count', message: `expected 11 watch points, found ${order}` });

  const paragraphs = [
    intro.text.replace(/^Section 1: Introduction to the Policy Toolkit\s*/, ''),
    textOf(defining, fam1 - 1, true).text,
    textOf(illustrative, (ctxLines[0]?.line ?? watch) - 1, true).text,
    textOf(watch, env - 1, true).text,
  ].filter((x) => x !== '');
  return { concepts, links, introFootnotes: intro.footnotes, paragraphs, notes };
}

/** The four regional meetings named in footnote 1. */
export function parseMeetings(footnoteText: string, span: SourceSpan): ConceptDraft[] {
  const months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  const out: ConceptDraft[] = [];
  const re = /([A-Z][a-z]+) \(([A-Z][a-z]+) (\d{4})\) (.+?) region/g;
  for (const m of footnoteText.matchAll(re)) {
    const month = months.indexOf((m[2] as string).toLowerCase()) + 1;
    const date = `${m[3]}-${String(month).padStart(2, '0')}`;
    const place = m[1] as string;
    out.push({
      id: `meeting:${slug(place)}-${date}`,
      label: 'RegionalMeeting',
      properties: { place, date, region: (m[4] as string).trim() },
      footnotes: [1],
      span,
    });
  }
  return out;
}
