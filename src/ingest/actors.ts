// Key-actor entries -> actor mentions bound to the reviewed actor table.
//
// An entry names one actor ("Policy makers."), several ("Academia, research
// institutes."), or an actor with a nested list of narrower ones
// ("Government agencies (e.g. financial police, criminal police, intelligence
// units).", "Government agencies: intelligence agencies, law enforcement, ...",
// "Private sector, including banks, accountants, ..."). Each named actor gives
// one mention carrying its exact wording; nested mentions carry the id of the
// enclosing actor. Wording the table does not know becomes a warning note and a
// mention of the fallback actor, so nothing is dropped silently.
import type { ActorMentionDraft, IngestNote, ListEntry } from './model.js';
import { FALLBACK_ACTOR_ID, normaliseWording, type NormalisationTables } from './tables.js';

/** Parenthesised qualifiers that belong to the actor's own wording. */
const QUALIFIER_PARENS = /\s*\((?:where applicable|when appropriate|if applicable|where appropriate)\)/i;

/** Items of a nested list that qualify the enclosing actor rather than name one. */
const NON_ACTOR_ITEM = [
  /^(?:including )?at (?:the )?national and local levels?$/,
  /^etc\.?$/,
  /^e\.g\.?$/,
  /^any other\b/,
  /^depending on\b/,
  /^especially\b/,
  /^all types$/,
];

/** Where the head of an entry ends and its nested list starts. */
const HEAD_END = /\(|:|\s[-\u2013]\s|,?\s+including\b|,\s*in particular\b|,\s*especially\b|,?\s+at national\b/i;

export interface ResolvedActors {
  mentions: ActorMentionDraft[];
  notes: IngestNote[];
}

function clean(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/^(?:and|or|e\.g\.)\s+/i, '')
    .replace(/[\s,;:.]+$/, '')
    .replace(/^[\s,;:.\-\u2013]+/, '')
    .trim();
}

function aliasKey(wording: string): string {
  return normaliseWording(wording.replace(QUALIFIER_PARENS, ''));
}

function lookup(tables: NormalisationTables, wording: string): string | undefined {
  return tables.actorByAlias.get(aliasKey(wording));
}

/**
 * A coordinated list of modifiers sharing one noun names one actor per modifier:
 * "Research and training institutions" (GP 23, line 1695) and "Training and research
 * institutions" (GP 24, line 1762) both name research institutions and training
 * institutions; "Local, regional and international organizations" (GP 18, line 1389)
 * names three. A noun printed with alternatives ("institutions/organizations") takes
 * the first alternative the table knows. Undefined unless every modifier resolves.
 */
function distribute(tables: NormalisationTables, item: string): Resolved[] | undefined {
  const m = /^(.+?)\s+(\S+)$/.exec(item);
  if (!m) return undefined;
  const modifiers = (m[1] as string).split(/\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*\/\s*/).filter((x) => x !== '');
  if (modifiers.length < 2 || modifiers.some((x) => /\s/.test(x))) return undefined;
  const nouns = (m[2] as string).split('/');
  const out: Resolved[] = [];
  for (const mod of modifiers) {
    const noun = nouns.find((n) => lookup(tables, `${mod} ${n}`) !== undefined);
    if (noun === undefined) return undefined;
    const id = lookup(tables, `${mod} ${noun}`) as string;
    if (!out.some((o) => o.id === id)) out.push({ text: item, id, alias: aliasKey(`${mod} ${noun}`) });
  }
  return out;
}

/** A clause after the actors that says what they work on: "NGOs and CSOs working on transnational organized crime and terrorism" (GP 7, line 759). */
const WORK_CLAUSE = /\s+(?:working|operating|active)\s+(?:on|in|with)\b.*$/i;

function isNonActor(item: string): boolean {
  const key = normaliseWording(item);
  return key === '' || NON_ACTOR_ITEM.some((re) => re.test(key));
}

/**
 * Splits a list of actors into resolved wordings: whole item first, then on
 * " or ", then on " and " (so "prison administration and staff" stays one
 * actor while "local associations and NGOs" gives two).
 */
interface Resolved {
  text: string;
  id?: string;
  /** The table wording (normalised) that resolved it. */
  alias?: string;
}

function resolveItems(tables: NormalisationTables, list: string): Resolved[] {
  const out: Resolved[] = [];
  const whole = clean(list);
  const wholeId = lookup(tables, whole);
  if (wholeId !== undefined) return [{ text: whole, id: wholeId, alias: aliasKey(whole) }];
  const distributed = distribute(tables, whole);
  if (distributed) return distributed;
  const visit = (raw: string, seps: RegExp[]): void => {
    const item = clean(raw);
    if (isNonActor(item)) return;
    const id = lookup(tables, item);
    if (id !== undefined) {
      out.push({ text: item, id, alias: aliasKey(item) });
      return;
    }
    const shared = distribute(tables, item);
    if (shared) {
      out.push(...shared);
      return;
    }
    const [sep, ...rest] = seps;
    if (sep !== undefined) {
      const parts = item.split(sep);
      if (parts.length > 1) {
        for (const p of parts) visit(p, rest);
        return;
      }
      visit(item, rest);
      return;
    }
    out.push({ text: item });
  };
  for (const part of list.split(/\s*[,;]\s*/)) visit(part, [/\s+or\s+/i, /\s+and\s+|\s+\/\s+/i]);
  return out;
}

export function resolveKeyActors(entries: ListEntry[], tables: NormalisationTables): ResolvedActors {
  const mentions: ActorMentionDraft[] = [];
  const notes: IngestNote[] = [];

  const push = (entry: ListEntry, text: string, id: string | undefined, broaderActorId?: string, alias?: string): void => {
    if (id === undefined) {
      notes.push({
        level: 'warning',
        code: 'actor.unresolved',
        message: `Key actor wording "${text}" (entry "${entry.text}") is not in data/normalisation/actors.json; recorded as ${FALLBACK_ACTOR_ID}`,
        line: entry.span.startLine,
      });
    }
    mentions.push({
      actorId: id ?? FALLBACK_ACTOR_ID,
      text,
      entry: entry.text,
      ...(alias !== undefined && id !== undefined ? { alias } : {}),
      ...(broaderActorId !== undefined ? { broaderActorId } : {}),
      span: entry.span,
    });
  };

  for (const entry of entries) {
    const whole = clean(entry.text);
    const wholeId = lookup(tables, whole);
    if (wholeId !== undefined) {
      push(entry, whole, wholeId, undefined, aliasKey(whole));
      continue;
    }
    // Qualifier parentheses are part of the head, not a nested list.
    const masked = whole.replace(QUALIFIER_PARENS, (m) => '\u0000'.repeat(m.length));
    const m = HEAD_END.exec(masked);
    const headEnd = m ? m.index : whole.length;
    const head = clean(whole.slice(0, headEnd).replace(WORK_CLAUSE, ''));
    const heads = resolveItems(tables, head);
    if (heads.length === 0) heads.push({ text: head });
    for (const h of heads) push(entry, h.text, h.id, undefined, h.alias);
    if (!m) continue;

    const broader = heads[0]?.id;
    const rest = whole.slice(headEnd);
    const paren = rest.indexOf('(');
    const clause = paren === -1 ? rest : rest.slice(0, paren);
    const nested: string[] = [];
    const clauseText = clean(clause).replace(/^(?:including|in particular)\s+/i, '');
    if (clauseText !== '' && !/^especially\b/i.test(clauseText) && !/^depending on\b/i.test(clauseText)) {
      nested.push(clauseText);
    }
    if (paren !== -1) {
      const close = rest.lastIndexOf(')');
      nested.push(rest.slice(paren + 1, close === -1 ? undefined : close));
    }
    for (const list of nested) {
      for (const item of resolveItems(tables, list)) push(entry, item.text, item.id, broader, item.alias);
    }
  }
  return { mentions, notes };
}
