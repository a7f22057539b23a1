// Node ids are "<prefix>:<rest>" (docs/graph-format.md). An id with a prefix the
// graph never uses is a client mistake (BAD_USER_INPUT); a well-formed id that
// names nothing simply resolves to null.
import { badUserInput } from './errors.js';

/** Id prefix of each node label. */
export const ID_PREFIXES: Readonly<Record<string, string>> = {
  document: 'Document',
  section: 'Section',
  area: 'Area',
  gp: 'GoodPractice',
  actor: 'Actor',
  instrument: 'Instrument',
  example: 'Example',
  org: 'Organization',
  country: 'Country',
  footnote: 'Footnote',
  family: 'NexusFamily',
  manifestation: 'Manifestation',
  notion: 'Notion',
  context: 'RegionalContext',
  watchpoint: 'WatchPoint',
  meeting: 'RegionalMeeting',
};

/** The label an id stands for (KeyAction and Step ids live under their practice: "gp:17/action:2/step:3"). */
export function labelOfId(id: string): string | null {
  const colon = id.indexOf(':');
  if (colon <= 0) return null;
  const prefix = id.slice(0, colon);
  const label = ID_PREFIXES[prefix];
  if (label === undefined) return null;
  if (label === 'GoodPractice') {
    if (/\/step:[^/]+$/.test(id)) return 'Step';
    if (/\/action:[^/]+$/.test(id)) return 'KeyAction';
  }
  return label;
}

/** Throws BAD_USER_INPUT unless `id` has a known prefix; returns it trimmed. */
export function validateNodeId(id: string, argument = 'id'): string {
  const trimmed = id.trim();
  if (labelOfId(trimmed) === null) {
    const known = Object.keys(ID_PREFIXES).map((prefix) => `"${prefix}:"`).join(', ');
    throw badUserInput(`${argument} "${id}" is not a node id of this graph: ids start with one of ${known}`, {
      argumentName: argument,
    });
  }
  return trimmed;
}

/** The practice id a key action or step id lives under ("gp:8/step:2" → "gp:8"). */
export function owningPracticeId(id: string): string {
  const slash = id.indexOf('/');
  return slash < 0 ? id : id.slice(0, slash);
}
