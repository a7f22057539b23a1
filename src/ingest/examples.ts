// "Examples" entries -> example drafts: a name, a description, the web
// addresses, the countries / regions the example is located in ("Kenya: ...",
// "Austria, Belgium, ...: ...", or named in the text) and the organisations
// that run it (UNODC, UNICRI, Europol, INTERPOL, EU, OSCE, IOM, ...).
import type { ExampleDraft, IngestNote, ListEntry } from './model.js';
import { normaliseWording, type NormalisationTables } from './tables.js';

export interface ResolvedExamples {
  examples: ExampleDraft[];
  notes: IngestNote[];
}

const URL_RE = /\(?(?:https?:\s?\/\/|www\.)[^\s;,]*(?:[;,](?!\s)[^\s;,]*)*/gi;

/** A web address as printed, without spaces, enclosing parenthesis or trailing punctuation. */
export function cleanUrl(raw: string): string {
  return raw
    .replace(/\s+/g, '')
    .replace(/^\(/, '')
    .replace(/[.,;:)\]"\u201d]+$/, '');
}

/** A token that can only be the rest of a web address: a path, a file name or a query. */
const URL_TAIL_TOKEN = /^[^\s]*(?:\/|\.(?:pdf|html?|aspx?|php)\b|\?\S*=)[^\s]*$/i;
/** Words of a file name printed with spaces inside an address ("Final ToT Curriculum on BSM (003).pdf"). */
const URL_WORD_TOKEN = /^[\p{L}\p{N}()%_-]+$/u;
const MAX_URL_WORDS = 8;

/**
 * Where a web address printed with spaces inside ends. The extraction leaves a
 * space where a line broke after "%20" ("...SSR%20 Mapping%20Report..."), inside
 * a path ("westandcentralaf rica/en/...", "services support/...") and in file
 * names ("Web/Final ToT Curriculum on BSM (003).pdf?ver=..."): the address goes
 * on while the following words lead, without sentence punctuation, to a path,
 * file name or query.
 */
function urlContinuation(text: string, end: number, printed: string): number {
  if (/[.,;:)]$/.test(printed)) return end;
  const next = (at: number): { token: string; end: number } | undefined => {
    const m = /^\s+(\S+)/.exec(text.slice(at));
    return m ? { token: m[1]!, end: at + m[0].length } : undefined;
  };
  const first = next(end);
  if (!first || /^(?:https?:|www\.)/i.test(first.token)) return end;
  if (/%20$/.test(printed)) return urlContinuation(text, first.end, first.token);
  let at = end;
  for (let i = 0; i < MAX_URL_WORDS; i++) {
    const t = next(at);
    if (!t || /^(?:https?:|www\.)/i.test(t.token)) return end;
    at = t.end;
    if (URL_TAIL_TOKEN.test(t.token.replace(/[.,;:]+$/, ''))) return at;
    if (!URL_WORD_TOKEN.test(t.token)) return end;
  }
  return end;
}

interface PrintedUrl {
  start: number;
  end: number;
  url: string;
}

function findUrls(text: string): PrintedUrl[] {
  const out: PrintedUrl[] = [];
  for (const m of text.matchAll(URL_RE)) {
    const start = m.index;
    if (out.some((u) => start < u.end)) continue;
    const end = urlContinuation(text, start + m[0].length, m[0]);
    const printed = text.slice(start, end);
    // A break after "%20" or before a path ("westandcentralaf rica/en/...") is
    // an extraction artefact; the words of a file name are separated by spaces.
    const url = cleanUrl(printed.replace(/(?:%20)?\s+(?=\S*\/)|%20\s+/g, (m) => (m.startsWith('%20') ? '%20' : '')).replace(/\s+/g, '%20'));
    out.push({ start, end, url });
  }
  return out;
}

export function extractUrls(text: string): string[] {
  const out: string[] = [];
  for (const { url } of findUrls(text)) {
    if (url.length > 'https://'.length && !out.includes(url)) out.push(url);
  }
  return out;
}

/** The text with each web address as extracted (no spaces inside: "westandcentralaf rica/en/..." -> "westandcentralafrica/en/..."). */
function withCleanUrls(text: string): string {
  let out = '';
  let at = 0;
  for (const u of findUrls(text)) {
    const printed = text.slice(u.start, u.end);
    // keep what the address match took around it: an opening parenthesis, trailing punctuation
    const lead = /^\(/.test(printed) ? '(' : '';
    const trail = /[.,;:)\]"\u201d]+$/.exec(printed.replace(/\s+$/, ''))?.[0] ?? '';
    out += text.slice(at, u.start) + lead + u.url + trail;
    at = u.end;
  }
  return out + text.slice(at);
}

function withoutUrls(text: string): string {
  let out = '';
  let at = 0;
  for (const u of findUrls(text)) {
    out += `${text.slice(at, u.start)} `;
    at = u.end;
  }
  return (out + text.slice(at)).replace(/\s+/g, ' ').trim();
}

export function slugify(s: string, max = 60): string {
  const slug = normaliseWording(s)
    .replace(/['"\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const dash = cut.lastIndexOf('-');
  return dash > 20 ? cut.slice(0, dash) : cut;
}

interface Hit {
  id: string;
  start: number;
  end: number;
}

/**
 * Aliases found in `text` (web addresses removed beforehand), longest first,
 * not overlapping. The printed name must start with a capital; aliases of up to
 * five letters must be printed in capitals ("EU", "IOM"), so that "eu" in
 * running words is not read as the European Union.
 */
function findNames(text: string, index: Map<string, string>, acronymsInCapitals: boolean): Hit[] {
  const lower = text.toLowerCase();
  const aliases = [...index.entries()].sort((a, b) => b[0].length - a[0].length || a[0].localeCompare(b[0]));
  const hits: Hit[] = [];
  for (const [alias, id] of aliases) {
    if (alias.length < 2) continue;
    let from = 0;
    for (;;) {
      const at = lower.indexOf(alias, from);
      if (at === -1) break;
      from = at + 1;
      const end = at + alias.length;
      if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(text[end] ?? '')) continue;
      const printed = text.slice(at, end);
      if (!/^[\p{Lu}0-9#]/u.test(printed)) continue;
      if (acronymsInCapitals && alias.replace(/[^a-z]/g, '').length <= 5 && printed !== printed.toUpperCase()) continue;
      if (hits.some((h) => at < h.end && end > h.start)) continue;
      hits.push({ id, start: at, end });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** A parenthesis telling where the example was reported, not what it is about: "(mentioned in Albania meeting summary)". */
const REPORTED_IN = /\((?:mentioned|reported|presented|discussed|cited) (?:in|at|during)\b[^)]*\)/gi;

/**
 * The places an example's text names: countries and regions, except a place word inside
 * the name of an organisation ("Council of Europe") and the place where the example was
 * reported; each region of a coordinated list counts ("Western and Eastern Europe, South
 * and Southeast Asia": Western Europe, Eastern Europe, South Asia, Southeast Asia).
 * Short forms printed in capitals in the standard ("US", "UK") must be printed so.
 */
export function placesNamed(text: string, orgHits: Hit[], tables: NormalisationTables): string[] {
  let masked = text;
  const blank = (start: number, end: number): void => {
    masked = masked.slice(0, start) + ' '.repeat(end - start) + masked.slice(end);
  };
  for (const h of orgHits) blank(h.start, h.end);
  for (const m of text.matchAll(REPORTED_IN)) blank(m.index, m.index + m[0].length);
  const capitals = new Set<string>();
  for (const rec of tables.countries.values()) for (const a of rec.aliases) if (/^[A-Z.]+$/.test(a)) capitals.add(normaliseWording(a));
  const found: Hit[] = findNames(masked, tables.countryByAlias, false).filter(
    (h) => !capitals.has(normaliseWording(masked.slice(h.start, h.end))) || /^[A-Z.]+$/.test(masked.slice(h.start, h.end)),
  );
  // "Western and Eastern Europe": the first word takes the noun of the second place,
  // unless it ends a place of its own ("the Middle East and North Africa").
  for (const m of masked.matchAll(/(?<![\p{Lu}][\p{L}-]*\s)\b([\p{Lu}][\p{L}-]+) (?:and|or) ([\p{Lu}][\p{L}-]+) ([\p{Lu}][\p{L}-]+)\b/gu)) {
    const second = tables.countryByAlias.get(normaliseWording(`${m[2]} ${m[3]}`));
    const first = tables.countryByAlias.get(normaliseWording(`${m[1]} ${m[3]}`));
    if (second !== undefined && first !== undefined && tables.countries.get(first)?.kind === 'region') {
      found.push({ id: first, start: m.index, end: m.index + (m[1] as string).length });
    }
  }
  return ids(found.sort((a, b) => a.start - b.start));
}

function ids(hits: Hit[]): string[] {
  const out: string[] = [];
  for (const h of hits) if (!out.includes(h.id)) out.push(h.id);
  return out;
}

/** Words that end the name of an initiative and start what it does. */
const NAME_END =
  /:\s|\.\s|\s[\u2013-]\s|,\s+(?:a|an|the|is|which|research|supported|commissioned)\s|\s(?:is|are|was|aims|aim|created|supports|assists|brought|organizes|analyzes|attempt|attempts|follows|worked|has|have|established|introduced|funded|provides|contains|includes|seeks|includes|offer|offers|focuses|published|works|encompasses|investigates)\s/i;

const NAME_MAX = 100;

/** Long names are cut at a word boundary (the description keeps the full sentence). */
function shorten(name: string): string {
  if (name.length <= NAME_MAX) return name;
  const cut = name.slice(0, NAME_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}\u2026`;
}

/**
 * An entry that opens with the organisation behind the initiative and names the
 * initiative after a dash: "ICCT The Hague - Mali (Dis-)Engagement and Re-Integration
 * related to Terrorism (MERIT). As part of ..." (GP 24, line 1825), or quotes its title:
 * "Geneva Centre for the Democratic Control of Armed Forces - International Security
 * Sector Advisory Team (DCAF – ISSAT) commissioned by ... – “Mapping of development
 * partner support to justice and security sector reform in Nigeria”" (GP 19, line 1448).
 * The name is the initiative, not the organisation (which the example is run by).
 */
function organisationLed(body: string, orgHits: Hit[]): { name: string; description: string } | undefined {
  const lead = orgHits[0];
  if (!lead || lead.start !== 0) return undefined;
  const dash = /\s[-\u2013]\s/.exec(body.slice(lead.end));
  if (!dash) return undefined;
  // Between the organisation and the dash only a short addition ("The Hague") may stand.
  const between = body.slice(lead.end, lead.end + dash.index).trim();
  if (between.split(/\s+/).filter((w) => w !== '').length > 3 || /[.:;]/.test(between)) return undefined;
  const afterAt = lead.end + dash.index + dash[0].length;
  // "UNODC – World Bank The Stolen Asset Recovery Initiative": two organisations lead the name.
  if (orgHits.some((h) => h.start === afterAt)) return undefined;
  const after = body.slice(afterAt);
  const quoted = /\u201c([^\u201d]{8,})\u201d/u.exec(body);
  if (quoted) return { name: shorten(quoted[1]!.replace(/[\s:;,.]+$/, '')), description: body.replace(/[\s;,]+$/, '') };
  const end = /\.\s/.exec(after);
  if (!end) return undefined;
  const name = after.slice(0, end.index).trim();
  if (!/^[\p{Lu}]/u.test(name)) return undefined;
  return { name: shorten(name), description: after.slice(end.index + 2).replace(/[\s;,]+$/, '').trim() };
}

function splitName(body: string): { name: string; description: string } {
  const text = body.trim();
  let from = 0;
  for (;;) {
    const m = NAME_END.exec(text.slice(from));
    if (!m) break;
    const at = from + m.index;
    const name = text.slice(0, at).trim();
    // "UNODC – World Bank The Stolen Asset Recovery Initiative": a one-word
    // lead before a dash is part of the name.
    const words = name.replace(/^the\s+/i, '').split(/\s+/).length;
    const separator = /^(?::|\.|\s[\u2013-])/.test(m[0]);
    // "UNODC assists Member States ...": a one-word name does not end at a verb either.
    // ("Eurojust is the EU agency ..." does: only acronyms are kept whole).
    if (words < 2 && (/[\u2013-]/.test(m[0]) || (!separator && name === name.toUpperCase()))) {
      from = at + m[0].length;
      continue;
    }
    // a full stop inside an abbreviation ("e.g. ", "St. ") does not end the name
    if (m[0].startsWith('.') && /\b(?:e\.g|i\.e|St|Dr|No)$/.test(name)) {
      from = at + m[0].length;
      continue;
    }
    // After a separator (":", ". ", " – ") the rest describes the example; when
    // the name runs into a verb ("... Initiative aims at ..."), the whole
    // sentence does.
    const description = (separator ? text.slice(at + m[0].length) : text).replace(/^[\s:.\u2013-]+/, '').trim();
    // "European Counter Terrorism Centre – ECTC:": an acronym after the dash belongs to the name
    if (/^[\p{Lu}\p{N}&-]{2,}[\s:.]*$/u.test(description)) return { name: shorten(text.replace(/[\s:;,.]+$/, '')), description: '' };
    // "Philippines: The country worked ... the guidelines “Red Flags on ...”": a generic subject is not a name
    const quoted = /\u201c([^\u201d]{8,})\u201d/u.exec(description);
    if (/^the (?:country|government|project|programme|initiative)$/i.test(name.trim()) && quoted) {
      return { name: shorten(quoted[1]!.replace(/[\s:;,.]+$/, '')), description: description.replace(/[\s;,]+$/, '') };
    }
    return { name: shorten(name.replace(/[\s:;,.]+$/, '')), description: description.replace(/[\s;,]+$/, '') };
  }
  const whole = text.replace(/[\s:;,.]+$/, '');
  return { name: shorten(whole), description: whole.length > NAME_MAX ? whole : '' };
}

export function resolveExamples(entries: ListEntry[], tables: NormalisationTables): ResolvedExamples {
  const examples: ExampleDraft[] = [];
  const notes: IngestNote[] = [];

  for (const entry of entries) {
    const text = entry.text.replace(/\s+/g, ' ').trim();
    const urls = extractUrls(text);
    let body = withoutUrls(text).replace(/^\s*(?:e\.g\.\s*)/i, '');
    let countryIds: string[] = [];
    let placePrefix = '';

    // "Kenya: ...", "Austria, Belgium, France, ...: ...", "Mexico, Central America and South Africa: ..."
    const prefix = /^([^:.]{2,200}?):\s+/.exec(body);
    if (prefix) {
      const parts = prefix[1]!.split(/\s*,\s*|\s+and\s+/).filter((p) => p !== '');
      const known = parts.map((p) => tables.countryByAlias.get(normaliseWording(p)));
      if (known.some((k) => k !== undefined) && parts.every((p) => /^[\p{Lu}]/u.test(p))) {
        parts.forEach((p, i) => {
          if (known[i] === undefined) {
            notes.push({
              level: 'warning',
              code: 'example.country-unresolved',
              message: `Place "${p}" in example "${text.slice(0, 80)}" is not in data/normalisation/countries.json; not linked`,
              line: entry.span.startLine,
            });
          }
        });
        countryIds = known.filter((k): k is string => k !== undefined);
        body = body.slice(prefix[0].length);
        placePrefix = prefix[1]!;
      }
    }

    const orgHits = findNames(body, tables.organizationByAlias, true);
    const { name, description } = organisationLed(body, orgHits) ?? splitName(body);
    for (const id of placesNamed(body, orgHits, tables)) if (!countryIds.includes(id)) countryIds.push(id);
    const organizationIds = ids(orgHits);

    const prefixSlug = placePrefix !== '' ? `${slugify(placePrefix, 30)}-` : '';
    let id = `example:${slugify(prefixSlug + name) || 'unnamed'}`;
    for (let n = 2; examples.some((e) => e.id === id); n++) id = `example:${slugify(prefixSlug + name)}-${n}`;

    if (name === '') {
      notes.push({
        level: 'warning',
        code: 'example.unnamed',
        message: `Example entry without a readable name: "${text.slice(0, 120)}"`,
        line: entry.span.startLine,
      });
    }
    if (urls.length === 0) {
      notes.push({
        level: 'info',
        code: 'example.no-url',
        message: `Example "${name}" gives no web address`,
        line: entry.span.startLine,
      });
    }
    examples.push({
      id,
      name,
      // "... dating back to 1960: http://..." : the colon led to the address, which is a field of its own
      description: description.replace(/\s*:$/, ''),
      urls,
      text: withCleanUrls(entry.text),
      countryIds,
      organizationIds,
      footnotes: entry.footnotes,
      span: entry.span,
    });
  }
  return { examples, notes };
}
