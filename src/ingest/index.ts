// buildToolkitGraph: the vendored toolkit text -> the serialised graph (docs/graph-format.md).
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import {
  GRAPH_FORMAT,
  type Properties,
  type SerialisedGraph,
  type SerialisedNode,
  type SerialisedRelationship,
} from '../graph/serialised.js';
import { resolveKeyActors } from './actors.js';
import { resolveExamples } from './examples.js';
import { findFootnoteCitations, resolveInstruments } from './instruments.js';
import type { IngestNote, ListEntry, SourceSpan } from './model.js';
import { parseConcepts, parseMeetings } from './concepts.js';
import { findReferences } from './references.js';
import { loadRepairTable, Repairer } from './repairs.js';
import { DEFAULT_SOURCE_PATH, REPO_ROOT, analyseLines, readSource, sha256 } from './source.js';
import { Doc, parseStructure, type ItemTree, type PracticeDraft } from './structure.js';
import { actorBroaderChain, DEFAULT_NORMALISATION_DIR, loadNormalisationTables, type NormalisationTables } from './tables.js';

export interface BuildResult {
  graph: SerialisedGraph;
  notes: IngestNote[];
}

function provenance(span: SourceSpan): Properties {
  const p: Properties = { sourceStartLine: span.startLine, sourceEndLine: span.endLine, sourceText: span.text };
  if (span.page !== undefined) p.sourcePage = span.page;
  return p;
}

function lineProps(span: SourceSpan): Properties {
  return { sourceStartLine: span.startLine, sourceEndLine: span.endLine };
}

export class GraphBuilder {
  private readonly nodes = new Map<string, SerialisedNode>();
  private readonly rels = new Map<string, SerialisedRelationship>();

  node(id: string, label: string, properties: Properties, span?: SourceSpan): void {
    if (this.nodes.has(id)) return;
    this.nodes.set(id, { id, labels: [label], properties: { ...properties, ...(span ? provenance(span) : {}) } });
  }

  has(id: string): boolean {
    return this.nodes.has(id);
  }

  /** Nodes with the given label, in id order. */
  nodesLabelled(label: string): SerialisedNode[] {
    return [...this.nodes.values()].filter((n) => n.labels.includes(label)).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  rel(type: string, start: string, end: string, properties: Properties = {}): void {
    const base = `${type}:${start}->${end}`;
    let id = base;
    for (let n = 2; this.rels.has(id); n++) id = `${base}#${n}`;
    this.rels.set(id, { id, type, start, end, properties });
  }

  /** Links once per pair (for HAS_FOOTNOTE and similar idempotent edges). */
  relOnce(type: string, start: string, end: string, properties: Properties = {}): void {
    if (!this.rels.has(`${type}:${start}->${end}`)) this.rel(type, start, end, properties);
  }

  finish(): { nodes: SerialisedNode[]; relationships: SerialisedRelationship[] } {
    const cmp = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const sortProps = (p: Properties): Properties => Object.fromEntries(Object.keys(p).sort().map((k) => [k, p[k] as Properties[string]]));
    return {
      nodes: [...this.nodes.values()].map((n) => ({ ...n, properties: sortProps(n.properties) })).sort(cmp),
      relationships: [...this.rels.values()].map((r) => ({ ...r, properties: sortProps(r.properties) })).sort(cmp),
    };
  }
}

function itemsJson(items: ItemTree[]): Array<{ text: string; items: unknown[] }> {
  return items.map((i) => ({ text: i.text, items: itemsJson(i.items) }));
}

function allItemFootnotes(items: ItemTree[]): number[] {
  return items.flatMap((i) => [...i.footnotes, ...allItemFootnotes(i.items)]);
}

export function buildToolkitGraph(sourcePath: string = DEFAULT_SOURCE_PATH): BuildResult {
  const src = readSource(sourcePath);
  const pageNotes: Array<{ line: number; message: string }> = [];
  const repairer = new Repairer(loadRepairTable());
  const doc = new Doc(src, analyseLines(src, pageNotes), repairer);
  const structure = parseStructure(doc);
  const notes: IngestNote[] = [...pageNotes.map((n) => ({ level: 'warning' as const, code: 'source.ambiguous-pages', ...n })), ...structure.notes];
  const b = new GraphBuilder();
  const lastLine = src.lines.length;

  const docId = 'document:nexus-policy-toolkit';
  b.node(docId, 'Document', { title: 'Nexus Policy Toolkit' }, doc.span(1, lastLine));
  const section2 = structure.sections.find((s) => s.number === 2);
  const concepts = section2 ? parseConcepts(doc, section2.span.startLine) : undefined;
  for (const s of structure.sections) {
    const props: Properties = { number: s.number, title: s.title };
    if (s.number === 1 && concepts) props.paragraphs = concepts.paragraphs;
    if (s.paragraphs) props.paragraphs = s.paragraphs;
    b.node(`section:${s.number}`, 'Section', props, s.span);
    b.rel('HAS_SECTION', docId, `section:${s.number}`, { order: s.number });
  }
  for (const a of structure.areas) {
    b.node(`area:${a.code}`, 'Area', { code: a.code, title: a.title, order: a.order }, a.span);
    b.rel('HAS_AREA', 'section:2', `area:${a.code}`, { order: a.order });
  }
  // Footnotes.
  for (const f of structure.footnotes) {
    b.node(`footnote:${f.number}`, 'Footnote', { number: f.number, text: f.text, urls: f.urls }, f.span);
  }
  if (!b.has('footnote:9')) {
    // No text (null), and a note saying why: the marker is printed, the text is not.
    b.node('footnote:9', 'Footnote', { number: 9, urls: [], note: 'The footnote number is printed (GP 5, line 654) but its text is not in the source.' }, doc.span(654, 654));
  }
  const footnoteLink = (from: string, numbers: number[]): void => {
    for (const n of [...new Set(numbers)].sort((x, y) => x - y)) {
      if (b.has(`footnote:${n}`)) b.relOnce('HAS_FOOTNOTE', from, `footnote:${n}`);
    }
  };

  // Section 1 concepts.
  if (concepts) {
    const c = concepts;
    notes.push(...c.notes);
    footnoteLink('section:1', c.introFootnotes);
    const fn1 = structure.footnotes.find((f) => f.number === 1);
    const meetings = fn1 ? parseMeetings(fn1.text, fn1.span) : [];
    for (const x of [...c.concepts, ...meetings]) {
      b.node(x.id, x.label, x.properties, x.span);
      if (x.label !== 'RegionalMeeting') footnoteLink(x.id, x.footnotes);
    }
    meetings.forEach((m, i) => b.rel('HAS_MEETING', docId, m.id, { order: i + 1 }));
    for (const l of c.links) b.rel(l.type, l.start, l.end, l.order !== undefined ? { order: l.order } : {});
  }

  // Practices.
  const areaOrder = new Map<string, number>();
  const gp8 = structure.practices.find((p) => p.number === 8);
  for (const p of structure.practices) {
    const props: Properties = { number: p.number, title: p.title, areaCode: p.areaCode, bodyOwner: p.bodyOwner };
    if (p.lead !== undefined) props.lead = p.lead;
    b.node(p.id, 'GoodPractice', props, p.span);
    const order = (areaOrder.get(p.areaCode) ?? 0) + 1;
    areaOrder.set(p.areaCode, order);
    b.rel('HAS_PRACTICE', `area:${p.areaCode}`, p.id, { order });
    footnoteLink(p.id, [...p.titleFootnotes, ...(p.bodyOwner === p.number ? p.leadFootnotes : [])]);
  }
  const bodies = structure.practices.filter((p) => p.bodyOwner === p.number);
  const sharing = (owner: PracticeDraft): PracticeDraft[] => structure.practices.filter((p) => p.bodyOwner === owner.number);
  for (const owner of bodies) {
    for (const a of owner.actions) {
      const props: Properties = { number: a.number, text: a.text, order: a.order, items: a.items };
      if (a.lead !== undefined) props.lead = a.lead;
      b.node(a.id, 'KeyAction', props, a.span);
      footnoteLink(a.id, a.footnotes);
      for (const p of sharing(owner)) b.rel('HAS_KEY_ACTION', p.id, a.id, { order: a.order });
    }
    for (const s of owner.steps) {
      b.node(
        s.id,
        'Step',
        {
          number: s.number,
          text: s.text,
          items: s.items.map((i) => i.text),
          itemsJson: JSON.stringify(itemsJson(s.items)),
          order: s.order,
        },
        s.span,
      );
      footnoteLink(s.id, [...s.footnotes, ...allItemFootnotes(s.items)]);
      for (const p of sharing(owner)) b.rel('HAS_STEP', p.id, s.id, { order: s.order });
      if (s.actionId) b.rel('IN_ACTION', s.id, s.actionId);
    }
  }
  if (gp8) {
    const gp9 = structure.practices.find((p) => p.number === 9);
    if (gp9) {
      b.rel('MERGED_WITH', gp8.id, gp9.id, { footnote: 12 });
      b.rel('MERGED_WITH', gp9.id, gp8.id, { footnote: 12 });
    }
  }

  // Key actors, instruments (normalisation tables).
  let tables: NormalisationTables | undefined;
  try {
    tables = loadNormalisationTables();
  } catch (e) {
    notes.push({ level: 'error', code: 'normalisation.unavailable', message: (e as Error).message });
  }
  for (const a of tables?.placeAmbiguities ?? []) {
    notes.push({ level: 'warning', code: 'place.ambiguous', message: `the place name ${a} belongs to two places in ISO 3166; it names neither` });
  }
  if (tables) addNormalised(b, tables, bodies, sharing, structure.footnotes, footnoteLink, notes);

  // Cross-references.
  for (const r of findReferences(structure.practices, notes)) {
    const props: Properties = { order: r.order, cue: r.cue, text: r.text, ...lineProps(r.span) };
    if (r.fromStep) props.fromStep = r.fromStep;
    if (r.fromAction) props.fromAction = r.fromAction;
    if (r.toStep) props.toStep = r.toStep;
    b.rel('REFERENCES', r.from, r.to, props);
  }

  // One initiative given in several practices: examples printing the same web address
  // (scheme, "www." and a final "/" aside), unless the address is known to belong to
  // something else (data/normalisation/source-ambiguities.json).
  const ambiguities = loadSourceAmbiguities();
  const foreign = new Set(ambiguities.flatMap((a) => (a.address ? [addressKey(a.address)] : [])));
  const byAddress = new Map<string, string[]>();
  for (const ex of b.nodesLabelled('Example')) {
    for (const u of (ex.properties.urls as string[] | undefined) ?? []) {
      const key = addressKey(u);
      if (foreign.has(key)) continue;
      const list = byAddress.get(key) ?? [];
      if (!list.includes(ex.id)) byAddress.set(key, [...list, ex.id]);
    }
  }
  for (const ex of b.nodesLabelled('Example')) {
    const same = new Set<string>();
    for (const ids of byAddress.values()) if (ids.includes(ex.id)) for (const id of ids) if (id !== ex.id) same.add(id);
    ex.properties.sameInitiativeAs = [...same].sort();
  }
  for (const a of ambiguities) notes.push({ level: 'warning', code: 'source.ambiguous', message: a.note, line: a.lines[0] as number });
  notes.push(...repairer.report(src));
  const { nodes, relationships } = b.finish();
  const version = sha256(JSON.stringify({ nodes, relationships }));
  const graph: SerialisedGraph = {
    format: GRAPH_FORMAT,
    dataset: { version, sourceSha256: src.sha256, sourcePath: relative(REPO_ROOT, src.path).split('\\').join('/') },
    nodes,
    relationships,
  };
  notes.push(...validateGraph(graph));
  return { graph, notes };
}

function addNormalised(
  b: GraphBuilder,
  tables: NormalisationTables,
  bodies: PracticeDraft[],
  sharing: (owner: PracticeDraft) => PracticeDraft[],
  footnotes: Array<{ number: number; text: string; span: SourceSpan }>,
  footnoteLink: (from: string, numbers: number[]) => void,
  notes: IngestNote[],
): void {
  // Table records get the provenance of their first mention in the toolkit.
  const addActor = (id: string, span: SourceSpan): void => {
    for (const aid of [id, ...actorBroaderChain(tables, id)]) {
      const rec = tables.actors.get(aid);
      if (!rec || b.has(aid)) continue;
      b.node(aid, 'Actor', { name: rec.name, category: rec.category, aliases: [...rec.aliases] }, span);
    }
  };
  const addInstrument = (id: string, span: SourceSpan): void => {
    const rec = tables.instruments.get(id);
    if (!rec || b.has(id)) return;
    const props: Properties = { title: rec.title, issuer: rec.issuer, kind: rec.kind, aliases: [...rec.aliases] };
    if (rec.shortName !== undefined) props.shortName = rec.shortName;
    if (rec.symbol !== undefined) props.symbol = rec.symbol;
    if (rec.year !== undefined) props.year = rec.year;
    b.node(id, 'Instrument', props, span);
  };
  for (const owner of bodies) {
    const actors = resolveKeyActors(owner.keyActors, tables);
    notes.push(...actors.notes);
    actors.mentions.forEach((m, i) => {
      addActor(m.actorId, m.span);
      const props: Properties = { order: i + 1, text: m.text, entry: m.entry, ...lineProps(m.span) };
      if (m.broaderActorId) props.broader = m.broaderActorId;
      for (const p of sharing(owner)) b.rel('MENTIONS_ACTOR', p.id, m.actorId, props);
    });
    const cites = resolveInstruments(owner.standards, tables);
    notes.push(...cites.notes);
    const viaFootnotes = new Set<number>([
      ...owner.titleFootnotes,
      ...owner.leadFootnotes,
      ...owner.steps.flatMap((s) => [...s.footnotes, ...allItemFootnotes(s.items)]),
      ...owner.actions.flatMap((a) => a.footnotes),
    ]);
    const fnCitations = [...viaFootnotes]
      .sort((x, y) => x - y)
      .flatMap((n) => {
        const f = footnotes.find((x) => x.number === n);
        if (!f) return [];
        const entry: ListEntry = { text: f.text, footnotes: [], span: f.span };
        return findFootnoteCitations(n, entry, tables);
      });
    [...cites.citations, ...fnCitations].forEach((c, i) => {
      addInstrument(c.instrumentId, c.span);
      const props: Properties = { order: i + 1, provisions: c.provisions, text: c.text, ...lineProps(c.span) };
      if (c.viaFootnote !== undefined) props.viaFootnote = c.viaFootnote;
      for (const p of sharing(owner)) b.rel('CITES', p.id, c.instrumentId, props);
    });
    const examples = resolveExamples(owner.examples, tables);
    notes.push(...examples.notes);
    examples.examples.forEach((ex, i) => {
      b.node(ex.id, 'Example', { name: ex.name, description: ex.description, urls: ex.urls, text: ex.text }, ex.span);
      for (const p of sharing(owner)) b.rel('HAS_EXAMPLE', p.id, ex.id, { order: i + 1 });
      footnoteLink(ex.id, ex.footnotes);
      for (const cid of ex.countryIds) {
        const rec = tables.countries.get(cid);
        if (!rec) continue;
        // aliases: the reviewed wordings and the standard names and short forms, once each (case aside)
        const aliases = [...new Map(rec.aliases.map((a) => [a.toLowerCase(), a.toLowerCase()])).values()].filter((a) => a !== rec.name.toLowerCase()).sort();
        b.node(cid, 'Country', { name: rec.name, kind: rec.kind, aliases }, ex.span);
        b.relOnce('LOCATED_IN', ex.id, cid);
      }
      for (const oid of ex.organizationIds) {
        const rec = tables.organizations.get(oid);
        if (!rec) continue;
        b.node(oid, 'Organization', { name: rec.name, aliases: [...rec.aliases] }, ex.span);
        b.relOnce('RUN_BY', ex.id, oid);
      }
    });
    for (const e of [...owner.keyActors, ...owner.standards]) {
      for (const p of sharing(owner)) footnoteLink(p.id, e.footnotes);
    }
  }
  // Actor hierarchy among the actors present.
  for (const rec of tables.actors.values()) {
    if (rec.broader && b.has(rec.id) && b.has(rec.broader)) b.relOnce('BROADER', rec.id, rec.broader);
  }
}

/** An absolute http(s) address with no spaces and no trailing sentence punctuation. */
function isWebAddress(text: string): boolean {
  if (/\s/.test(text) || /[.,;:)]$/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

function addressKey(url: string): string {
  return url.toLowerCase().replace(/^https?:\/\/(?:www\.)?/, '').replace(/\/+$/, '');
}

interface SourceAmbiguity {
  lines: number[];
  note: string;
  address?: string;
}

function loadSourceAmbiguities(): SourceAmbiguity[] {
  const path = resolve(DEFAULT_NORMALISATION_DIR, 'source-ambiguities.json');
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { entries?: SourceAmbiguity[] };
  const entries = raw.entries ?? [];
  entries.forEach((e, i) => {
    if (!Array.isArray(e.lines) || e.lines.length === 0 || typeof e.note !== 'string' || e.note === '') {
      throw new Error(`${path}: entry ${i + 1} needs "lines" and "note"`);
    }
  });
  return entries;
}

export function validateGraph(graph: SerialisedGraph): IngestNote[] {
  const notes: IngestNote[] = [];
  const ids = new Set(graph.nodes.map((n) => n.id));
  for (const r of graph.relationships) {
    if (!ids.has(r.start) || !ids.has(r.end)) {
      notes.push({ level: 'error', code: 'graph.dangling', message: `${r.id}: endpoint missing` });
    }
  }
  for (const n of graph.nodes) {
    const p = n.properties;
    if (typeof p.sourceStartLine !== 'number' || typeof p.sourceEndLine !== 'number' || typeof p.sourceText !== 'string') {
      notes.push({ level: 'error', code: 'graph.provenance', message: `${n.id}: provenance missing` });
    }
  }
  const seen = new Set<string>();
  for (const item of [...graph.nodes, ...graph.relationships]) {
    if (seen.has(item.id)) notes.push({ level: 'error', code: 'graph.duplicate-id', message: `${item.id}: duplicate id` });
    seen.add(item.id);
    for (const [k, v] of Object.entries(item.properties)) {
      const ok =
        typeof v === 'string' ||
        typeof v === 'boolean' ||
        (typeof v === 'number' && Number.isFinite(v)) ||
        (Array.isArray(v) && (v.every((x) => typeof x === 'string') || v.every((x) => typeof x === 'number')));
      if (!ok) notes.push({ level: 'error', code: 'graph.property', message: `${item.id}.${k}: not storable in Neo4j` });
    }
  }
  const practices = graph.nodes.filter((n) => n.labels.includes('GoodPractice'));
  const numbers = practices.map((n) => n.properties.number).sort((a, b) => Number(a) - Number(b));
  if (numbers.join(',') !== Array.from({ length: 25 }, (_, i) => i + 1).join(',')) {
    notes.push({ level: 'error', code: 'graph.practices', message: `expected good practices 1 to 25, found ${numbers.join(', ')}` });
  }
  // Every practice has key actions or steps, and key actors (GP 8 and GP 9 through their shared body).
  for (const practice of practices) {
    const has = (type: string) => graph.relationships.some((r) => r.type === type && r.start === practice.id);
    if (!has('HAS_STEP') && !has('HAS_KEY_ACTION')) {
      notes.push({ level: 'error', code: 'graph.practice-incomplete', message: `${practice.id}: neither steps nor key actions` });
    }
    if (!has('MENTIONS_ACTOR')) notes.push({ level: 'error', code: 'graph.practice-incomplete', message: `${practice.id}: no key actors` });
  }
  for (const n of graph.nodes) {
    if (n.labels.includes('Actor') && (typeof n.properties.category !== 'string' || n.properties.category === '')) {
      notes.push({ level: 'error', code: 'graph.actor-category', message: `${n.id}: actor without category` });
    }
    const urls = n.properties.urls;
    if (Array.isArray(urls)) {
      for (const url of urls) {
        if (!isWebAddress(String(url))) notes.push({ level: 'error', code: 'graph.url', message: `${n.id}: "${String(url)}" is not a valid web address` });
      }
    }
  }
  return notes;
}

export function serialiseGraph(graph: SerialisedGraph): string {
  return JSON.stringify(graph, null, 2) + '\n';
}
