// The properties each searchable node label is full-text indexed on, in the
// order a snippet is preferred from (cypher/003 and 004 index these, plus the
// respelled copies in searchVariants).
const CONCEPT_FIELDS = ['name', 'definition', 'description', 'factor', 'indicators'];

export const SEARCH_FIELDS: Readonly<Record<string, readonly string[]>> = {
  GoodPractice: ['title', 'lead'],
  KeyAction: ['text', 'lead'],
  Step: ['text', 'items'],
  Actor: ['name', 'aliases'],
  Instrument: ['title', 'shortName', 'symbol', 'aliases'],
  Example: ['name', 'description'],
  Organization: ['name', 'aliases'],
  Country: ['name'],
  Footnote: ['text'],
  NexusFamily: CONCEPT_FIELDS,
  Manifestation: CONCEPT_FIELDS,
  Notion: CONCEPT_FIELDS,
  RegionalContext: CONCEPT_FIELDS,
  WatchPoint: CONCEPT_FIELDS,
};
