// The one model of the toolkit graph. Node labels with their id prefixes,
// stored properties, display labels, colours and search indexes; relationship
// types with their endpoints, order and properties; and, for every GraphQL
// field, what backs it in the graph. The API (resolvers, projections, loaders,
// ids), the exports, the explorer, the benchmark's peer and the tests read it
// from here; docs/graph-format.md describes the same graph for people.

/** The technical label every toolkit node carries besides its own. */
export const TECHNICAL_LABEL = 'Node';

/** Provenance stored on every node (docs/graph-format.md). */
export const NODE_SOURCE_KEYS = ['sourceStartLine', 'sourceEndLine', 'sourcePage', 'sourceText'] as const;
/** Provenance stored on relationships that come from a line of text. */
export const EDGE_SOURCE_KEYS = ['sourceStartLine', 'sourceEndLine', 'sourcePage', 'text'] as const;

export interface SearchIndexModel {
  /** Name of the full-text index (cypher/003-fulltext-indexes.cypher, re-created with searchVariants by 004). */
  index: string;
  /** Value of the GraphQL enum SearchableType. */
  searchableType: string;
  /** Indexed properties, in the order a snippet is preferred from. */
  fields: readonly string[];
}

/** The shapes a node can be drawn with. */
export type NodeShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'star' | 'hexagon' | 'pentagon' | 'chevron' | 'parallelogram' | 'tag' | 'notched';

export interface NodeShapeModel {
  /** In words, for legends and the README. */
  description: string;
  /** The Cytoscape.js `shape` style value drawing it. */
  cytoscape: string;
}

export const NODE_SHAPES: Readonly<Record<NodeShape, NodeShapeModel>> = {
  circle: { description: 'circle', cytoscape: 'ellipse' },
  square: { description: 'square', cytoscape: 'rectangle' },
  diamond: { description: 'diamond', cytoscape: 'diamond' },
  triangle: { description: 'triangle', cytoscape: 'triangle' },
  star: { description: 'five-pointed star', cytoscape: 'star' },
  hexagon: { description: 'hexagon', cytoscape: 'hexagon' },
  pentagon: { description: 'pentagon', cytoscape: 'pentagon' },
  chevron: { description: 'chevron (V)', cytoscape: 'vee' },
  parallelogram: { description: 'parallelogram', cytoscape: 'rhomboid' },
  tag: { description: 'tag (pointed on the right)', cytoscape: 'tag' },
  notched: { description: 'rectangle notched on both sides', cytoscape: 'concave-hexagon' },
};

/** A Cytoscape.js style sheet (`cytoscape({ style })`). */
export type CytoscapeStyle = Array<{ selector: string; style: Record<string, string> }>;

/** Draws each node in the colour and Cytoscape.js shape its data names (the Cytoscape JSON exports carry it). */
export const CYTOSCAPE_STYLE: CytoscapeStyle = [
  { selector: 'node', style: { 'background-color': 'data(color)', shape: 'data(shape)', label: 'data(label)' } },
  { selector: 'edge', style: { 'curve-style': 'bezier', 'target-arrow-shape': 'triangle' } },
];

export interface NodeTypeModel {
  /** Neo4j label and GraphQL object type (they coincide). */
  label: string;
  /** Id prefix before the colon ("gp" in "gp:17"). KeyAction and Step live under their practice. */
  idPrefix: string;
  /** Stored properties besides `id` and provenance. */
  properties: readonly string[];
  /** Properties `displayLabel` reads. */
  displayKeys: readonly string[];
  /** Short human label for graph tools, the explorer and the exports. */
  displayLabel(properties: Readonly<Record<string, unknown>>, id: string): string;
  /** Colour in graph tools (Gephi, Cytoscape, the explorer): one per type, colour-blind-safe families. */
  colour: string;
  /**
   * Shape in the explorer's graph view, its legend and image exports, and the
   * Cytoscape export: node types differ by more than colour. A type and the
   * types it links to never share a shape (test/unit/graph/model.test.ts).
   */
  shape: NodeShape;
  /** Order of a plain list of this label (Cypher over `n`). */
  listOrder: string;
  /** Listed by a plain root field (`areas`, `footnotes`, …). */
  listable: boolean;
  /** Has a label-specific id index (cypher/002-lookup-indexes.cypher). */
  idIndex: boolean;
  search?: SearchIndexModel;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

function shorten(value: string, max = 80): string {
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}

const practiceOf = (id: string): string => /^gp:(\d+)/.exec(id)?.[1] ?? '?';
const named = (properties: Readonly<Record<string, unknown>>, id: string): string =>
  shorten(text(properties['name']) ?? text(properties['title']) ?? id);

const CONCEPT_FIELDS = ['name', 'definition', 'description', 'factor', 'indicators'] as const;

function nodeType(model: Omit<NodeTypeModel, 'listable' | 'idIndex' | 'listOrder'> & Partial<NodeTypeModel>): NodeTypeModel {
  return { listable: false, idIndex: true, listOrder: 'n.order, n.code, n.number, n.letter, n.name, n.id', ...model };
}

export const NODE_TYPES: readonly NodeTypeModel[] = [
  nodeType({
    label: 'Document', idPrefix: 'document', properties: ['title'], displayKeys: ['title'], colour: '#000000', shape: 'hexagon',
    displayLabel: named, listable: true, idIndex: false,
  }),
  nodeType({
    label: 'Section', idPrefix: 'section', properties: ['number', 'title', 'paragraphs'], displayKeys: ['number', 'title'], colour: '#444444', shape: 'notched',
    displayLabel: (p) => shorten(`Section ${text(p['number']) ?? '?'}: ${text(p['title']) ?? ''}`), idIndex: false,
    search: { index: 'section_text', searchableType: 'SECTION', fields: ['paragraphs', 'title'] },
  }),
  nodeType({
    label: 'Area', idPrefix: 'area', properties: ['code', 'title', 'order'], displayKeys: ['code', 'title'], colour: '#003f5c', shape: 'parallelogram',
    displayLabel: (p, id) => `Area ${text(p['code']) ?? '?'}: ${text(p['title']) ?? id}`, listable: true,
  }),
  nodeType({
    label: 'GoodPractice', idPrefix: 'gp', properties: ['number', 'title', 'areaCode', 'lead', 'bodyOwner'],
    displayKeys: ['number', 'title'], colour: '#0072b2', shape: 'circle',
    displayLabel: (p, id) => shorten(`GP ${text(p['number']) ?? '?'}: ${text(p['title']) ?? id}`),
    search: { index: 'practice_text', searchableType: 'GOOD_PRACTICE', fields: ['title', 'lead'] },
  }),
  nodeType({
    label: 'KeyAction', idPrefix: 'gp', properties: ['number', 'text', 'order', 'items', 'lead'], displayKeys: ['number'],
    colour: '#56b4e9', shape: 'hexagon', displayLabel: (p, id) => `GP ${practiceOf(id)} Action ${text(p['number']) ?? '?'}`,
    search: { index: 'key_action_text', searchableType: 'KEY_ACTION', fields: ['text', 'lead'] },
  }),
  nodeType({
    label: 'Step', idPrefix: 'gp', properties: ['number', 'text', 'items', 'itemsJson', 'order'], displayKeys: ['number'],
    colour: '#9ecae1', shape: 'chevron', displayLabel: (p, id) => `GP ${practiceOf(id)} Step ${text(p['number']) ?? '?'}`,
    search: { index: 'step_text', searchableType: 'STEP', fields: ['text', 'items'] },
  }),
  nodeType({
    label: 'Actor', idPrefix: 'actor', properties: ['name', 'category', 'aliases'], displayKeys: ['name'], colour: '#d55e00', shape: 'square',
    displayLabel: named,
    search: { index: 'actor_names', searchableType: 'ACTOR', fields: ['name', 'aliases'] },
  }),
  nodeType({
    label: 'Instrument', idPrefix: 'instrument', properties: ['title', 'shortName', 'symbol', 'issuer', 'kind', 'year', 'aliases'],
    displayKeys: ['shortName', 'title'], colour: '#cc79a7', shape: 'diamond',
    displayLabel: (p, id) => shorten(text(p['shortName']) ?? text(p['title']) ?? id),
    search: { index: 'instrument_text', searchableType: 'INSTRUMENT', fields: ['title', 'shortName', 'symbol', 'aliases'] },
  }),
  nodeType({
    label: 'Example', idPrefix: 'example', properties: ['name', 'description', 'urls', 'text', 'sameInitiativeAs'], displayKeys: ['name'],
    colour: '#009e73', shape: 'triangle', displayLabel: named,
    search: { index: 'example_text', searchableType: 'EXAMPLE', fields: ['name', 'description'] },
  }),
  nodeType({
    label: 'Organization', idPrefix: 'org', properties: ['name', 'aliases'], displayKeys: ['name'], colour: '#e69f00', shape: 'tag',
    displayLabel: named, listable: true, listOrder: 'toLower(n.name), n.id',
    search: { index: 'organization_names', searchableType: 'ORGANIZATION', fields: ['name', 'aliases'] },
  }),
  nodeType({
    label: 'Country', idPrefix: 'country', properties: ['name', 'kind', 'aliases'], displayKeys: ['name'], colour: '#f0e442', shape: 'pentagon',
    displayLabel: named, listable: true, listOrder: 'toLower(n.name), n.id',
    search: { index: 'country_names', searchableType: 'COUNTRY', fields: ['name'] },
  }),
  nodeType({
    label: 'Footnote', idPrefix: 'footnote', properties: ['number', 'text', 'urls', 'note'], displayKeys: ['number'], colour: '#7f7f7f', shape: 'star',
    displayLabel: (p) => `Footnote ${text(p['number']) ?? '?'}`, listable: true,
    search: { index: 'footnote_text', searchableType: 'FOOTNOTE', fields: ['text'] },
  }),
  nodeType({
    label: 'NexusFamily', idPrefix: 'family', properties: ['name', 'description'], displayKeys: ['name'], colour: '#5e3c99', shape: 'diamond',
    displayLabel: named, listable: true, idIndex: false,
  }),
  nodeType({
    label: 'Manifestation', idPrefix: 'manifestation', properties: ['letter', 'name', 'family', 'definition', 'description'],
    displayKeys: ['name'], colour: '#b2abd2', shape: 'circle', displayLabel: named, listable: true, idIndex: false,
    search: { index: 'concept_text', searchableType: 'MANIFESTATION', fields: CONCEPT_FIELDS },
  }),
  nodeType({
    label: 'Notion', idPrefix: 'notion', properties: ['name', 'description'], displayKeys: ['name'], colour: '#8073ac', shape: 'square',
    displayLabel: named, listable: true, idIndex: false,
    search: { index: 'concept_text', searchableType: 'NOTION', fields: CONCEPT_FIELDS },
  }),
  nodeType({
    label: 'RegionalContext', idPrefix: 'context', properties: ['name', 'description', 'order'], displayKeys: ['name'],
    colour: '#1b7837', shape: 'pentagon', displayLabel: named, listable: true, idIndex: false,
    search: { index: 'concept_text', searchableType: 'REGIONAL_CONTEXT', fields: CONCEPT_FIELDS },
  }),
  nodeType({
    label: 'WatchPoint', idPrefix: 'watchpoint', properties: ['factor', 'category', 'indicators', 'order'], displayKeys: ['factor'],
    colour: '#8c510a', shape: 'triangle', displayLabel: (p, id) => shorten(text(p['factor']) ?? id), listable: true, idIndex: false,
    search: { index: 'concept_text', searchableType: 'WATCH_POINT', fields: CONCEPT_FIELDS },
  }),
  nodeType({
    label: 'RegionalMeeting', idPrefix: 'meeting', properties: ['place', 'date', 'region'], displayKeys: ['place', 'date'],
    colour: '#bf812d', shape: 'pentagon', displayLabel: (p) => `Meeting ${text(p['place']) ?? ''} ${text(p['date']) ?? ''}`.trim(), listable: true,
    idIndex: false,
  }),
];

export const NODE_TYPE_BY_LABEL: ReadonlyMap<string, NodeTypeModel> = new Map(NODE_TYPES.map((type) => [type.label, type]));
export const NODE_LABELS: readonly string[] = NODE_TYPES.map((type) => type.label);
export const FALLBACK_COLOUR = '#7f7f7f';
export const FALLBACK_SHAPE: NodeShape = 'circle';

export function nodeTypeModel(label: string): NodeTypeModel | undefined {
  return NODE_TYPE_BY_LABEL.get(label);
}

/** The node's own label among its labels (the technical `Node` label is ignored). */
export function nodeLabelOf(labels: readonly string[]): string {
  return labels.find((label) => NODE_TYPE_BY_LABEL.has(label)) ?? labels.find((label) => label !== TECHNICAL_LABEL) ?? TECHNICAL_LABEL;
}

export function colourOf(label: string): string {
  return NODE_TYPE_BY_LABEL.get(label)?.colour ?? FALLBACK_COLOUR;
}

export function shapeOf(label: string): NodeShape {
  return NODE_TYPE_BY_LABEL.get(label)?.shape ?? FALLBACK_SHAPE;
}

/** The Cytoscape.js shape of a node type. */
export function cytoscapeShapeOf(label: string): string {
  return NODE_SHAPES[shapeOf(label)].cytoscape;
}

/** The one display label of a node, used by GraphNode.label, the exports and the explorer. */
export function displayLabelOf(label: string, id: string, properties: Readonly<Record<string, unknown>>): string {
  const model = NODE_TYPE_BY_LABEL.get(label);
  return model ? model.displayLabel(properties, id) : named(properties, id);
}

/**
 * GraphQL type of each stored property, by name (a name means the same thing
 * on every label). Read by whoever exposes stored properties directly, e.g. the
 * benchmark's @neo4j/graphql peer.
 */
export const PROPERTY_TYPES: Readonly<Record<string, 'String' | 'Int' | 'Boolean' | '[String!]'>> = {
  title: 'String', number: 'Int', code: 'String', order: 'Int', areaCode: 'String', lead: 'String', bodyOwner: 'Int',
  text: 'String', items: '[String!]', itemsJson: 'String', name: 'String', category: 'String', aliases: '[String!]',
  shortName: 'String', symbol: 'String', issuer: 'String', kind: 'String', year: 'Int', description: 'String',
  urls: '[String!]', letter: 'String', family: 'String', definition: 'String', factor: 'String', indicators: '[String!]',
  place: 'String', date: 'String', region: 'String', entry: 'String', broader: 'String', provisions: '[String!]',
  viaFootnote: 'Int', cue: 'String', fromStep: 'String', toStep: 'String', footnote: 'Int',
  sourceStartLine: 'Int', sourceEndLine: 'Int', sourcePage: 'Int', sourceText: 'String',
};

/** Groups of properties a view of a node of any type needs, chosen by its label. */
export type PerLabelKeys = 'display' | 'search';

/** The properties of `label` a per-label view needs: its display keys and/or its search fields. */
export function perLabelKeys(label: string, kinds: readonly PerLabelKeys[]): string[] {
  const model = NODE_TYPE_BY_LABEL.get(label);
  if (!model) return [];
  const keys = [
    ...(kinds.includes('display') ? model.displayKeys : []),
    ...(kinds.includes('search') ? (model.search?.fields ?? []) : []),
  ];
  return [...new Set(keys)];
}

// ---- Ids ----------------------------------------------------------------------

/** The label an id stands for ("gp:17/action:2/step:3" → Step), or null for an unknown prefix. */
export function labelOfId(id: string): string | null {
  const colon = id.indexOf(':');
  if (colon <= 0) return null;
  const prefix = id.slice(0, colon);
  if (prefix === 'gp') {
    if (/\/step:[^/]+$/.test(id)) return 'Step';
    if (/\/action:[^/]+$/.test(id)) return 'KeyAction';
    return 'GoodPractice';
  }
  return NODE_TYPES.find((type) => type.idPrefix === prefix)?.label ?? null;
}

export const ID_PREFIXES: readonly string[] = [...new Set(NODE_TYPES.map((type) => type.idPrefix))];

/** The practice id a key action or step id lives under ("gp:8/step:2" → "gp:8"). */
export function owningPracticeId(id: string): string {
  const slash = id.indexOf('/');
  return slash < 0 ? id : id.slice(0, slash);
}

// ---- Relationships --------------------------------------------------------------

export interface RelationshipModel {
  type: string;
  from: readonly string[];
  to: readonly string[];
  /** Stored properties besides `id`. */
  properties: readonly string[];
  /** Carries provenance lines (mentions, citations, cross-references). */
  sourced: boolean;
}

function relationship(type: string, from: string[], to: string[], properties: string[] = [], sourced = false): RelationshipModel {
  return { type, from, to, properties, sourced };
}

export const RELATIONSHIPS: readonly RelationshipModel[] = [
  relationship('HAS_SECTION', ['Document'], ['Section'], ['order']),
  relationship('HAS_AREA', ['Section'], ['Area'], ['order']),
  relationship('HAS_PRACTICE', ['Area'], ['GoodPractice'], ['order']),
  relationship('HAS_KEY_ACTION', ['GoodPractice'], ['KeyAction'], ['order']),
  relationship('HAS_STEP', ['GoodPractice'], ['Step'], ['order']),
  relationship('IN_ACTION', ['Step'], ['KeyAction']),
  relationship('MENTIONS_ACTOR', ['GoodPractice'], ['Actor'], ['order', 'text', 'entry', 'broader'], true),
  relationship('BROADER', ['Actor'], ['Actor']),
  relationship('CITES', ['GoodPractice'], ['Instrument'], ['order', 'provisions', 'text', 'viaFootnote'], true),
  relationship('HAS_EXAMPLE', ['GoodPractice'], ['Example'], ['order']),
  relationship('LOCATED_IN', ['Example'], ['Country']),
  relationship('RUN_BY', ['Example'], ['Organization']),
  relationship('REFERENCES', ['GoodPractice'], ['GoodPractice'], ['order', 'cue', 'text', 'fromStep', 'fromAction', 'toStep'], true),
  relationship('MERGED_WITH', ['GoodPractice'], ['GoodPractice'], ['footnote']),
  relationship('HAS_FOOTNOTE', ['GoodPractice', 'KeyAction', 'Step', 'Example', 'Section'], ['Footnote']),
  relationship('OF_FAMILY', ['Manifestation'], ['NexusFamily']),
  relationship('HAS_NOTION', ['Manifestation'], ['Notion']),
  relationship('ASSOCIATED_WITH', ['RegionalContext'], ['Manifestation']),
  relationship('HAS_MEETING', ['Document'], ['RegionalMeeting'], ['order']),
  relationship('HAS_WATCH_POINT', ['Section'], ['WatchPoint'], ['order']),
  relationship('HAS_CONCEPT', ['Section'], ['NexusFamily', 'RegionalContext'], ['order']),
];

export const RELATIONSHIP_TYPES: readonly string[] = RELATIONSHIPS.map((model) => model.type);
const RELATIONSHIP_BY_TYPE = new Map(RELATIONSHIPS.map((model) => [model.type, model]));

export function isRelationshipType(type: string): boolean {
  return RELATIONSHIP_BY_TYPE.has(type);
}

export function relationshipModel(type: string): RelationshipModel | undefined {
  return RELATIONSHIP_BY_TYPE.get(type);
}

export type Direction = 'out' | 'in';

/** The property a label's nodes are ordered by in lists: the first of number, order, name, title it has, else id. */
export function sortKeyOf(label: string): string {
  const properties = NODE_TYPE_BY_LABEL.get(label)?.properties ?? [];
  return ['number', 'order', 'name', 'title'].find((key) => properties.includes(key)) ?? 'id';
}

/**
 * Order of a relationship list seen from one node (Cypher terms over the
 * relationship `r` and the other node `o`): outgoing lists with a stored
 * `order` follow it (steps, mentions, citations in source order); other lists
 * follow the other node's sort key, then the stored order. Only what decides
 * the order is read: each term costs a property read per row.
 */
export function linkOrder(type: string, direction: Direction): string[] {
  const model = RELATIONSHIP_BY_TYPE.get(type);
  const ordered = model?.properties.includes('order') ?? false;
  if (direction === 'out' && ordered) return ['r.order'];
  const ends = (direction === 'out' ? model?.to : model?.from) ?? [];
  const byOther = ends.length === 1 && ends[0] ? [`o.${sortKeyOf(ends[0])}`] : ['o.number', 'o.order', 'o.name', 'o.title', 'o.id'];
  return [...byOther, ...(ordered ? ['r.order'] : [])];
}

// ---- What backs each GraphQL field ---------------------------------------------------

/** Stored properties the field's resolver reads from its parent record. */
export interface PropertyBinding {
  kind: 'property';
  keys: readonly string[];
}
/** A list (or, with `single`, one) of the nodes or relationships of one type in one direction. */
export interface LinkBinding {
  kind: 'link';
  relationship: string;
  direction: Direction;
  /** `node`: the nodes at the other end; `edge`: the relationships themselves (ActorMention, Citation, CrossReference). */
  returns: 'node' | 'edge';
  single?: boolean;
}
/** The node at one end of the relationship a GraphQL type stands for. */
export interface EndpointBinding {
  kind: 'endpoint';
  end: 'start' | 'end';
}
/** Resolved by its own statement or from the parent's id; reads these stored properties of the parent. */
export interface ComputedBinding {
  kind: 'computed';
  keys: readonly string[];
}
/** Every stored property (GraphNode.properties, GraphEdge.properties). */
export interface AllPropertiesBinding {
  kind: 'all';
}
export type FieldBinding = PropertyBinding | LinkBinding | EndpointBinding | ComputedBinding | AllPropertiesBinding;

const props = (...keys: string[]): PropertyBinding => ({ kind: 'property', keys });
const out = (relationship: string, returns: 'node' | 'edge' = 'node', single = false): LinkBinding => ({
  kind: 'link', relationship, direction: 'out', returns, ...(single ? { single } : {}),
});
const into = (relationship: string, returns: 'node' | 'edge' = 'node', single = false): LinkBinding => ({
  kind: 'link', relationship, direction: 'in', returns, ...(single ? { single } : {}),
});
const computed = (...keys: string[]): ComputedBinding => ({ kind: 'computed', keys });
const start: EndpointBinding = { kind: 'endpoint', end: 'start' };
const end: EndpointBinding = { kind: 'endpoint', end: 'end' };
const nodeSource = props(...NODE_SOURCE_KEYS);
const edgeSource = props('id', ...EDGE_SOURCE_KEYS);
const id = props();
// Relationship ids are read only when a field needs them: the cache identities of
// mentions, citations, cross-references, their source locations and graph edges do.
const edgeId = props('id');

/**
 * For each GraphQL object type backed by a node (NODE_TYPES) or a relationship
 * (EDGE_TYPES), what each of its fields reads. A field missing here is a test
 * failure (test/unit/graph/model.test.ts), so a projection never leaves out
 * what a resolver needs.
 */
export const FIELD_BINDINGS: Readonly<Record<string, Readonly<Record<string, FieldBinding>>>> = {
  Document: { id, title: props('title'), sections: out('HAS_SECTION') },
  Section: { id, number: props('number'), title: props('title'), paragraphs: props('paragraphs'), areas: out('HAS_AREA') },
  Area: { id, code: props('code'), title: props('title'), order: props('order'), practices: out('HAS_PRACTICE') },
  GoodPractice: {
    id,
    number: props('number'),
    title: props('title'),
    lead: props('lead'),
    bodyOwner: props('bodyOwner'),
    area: into('HAS_PRACTICE', 'node', true),
    keyActions: out('HAS_KEY_ACTION'),
    steps: out('HAS_STEP'),
    actors: out('MENTIONS_ACTOR', 'edge'),
    citations: out('CITES', 'edge'),
    examples: out('HAS_EXAMPLE'),
    references: out('REFERENCES', 'edge'),
    referencedBy: into('REFERENCES', 'edge'),
    footnotes: out('HAS_FOOTNOTE'),
    mergedWith: out('MERGED_WITH'),
    related: computed(),
    analytics: computed(),
    source: nodeSource,
  },
  KeyAction: {
    id,
    number: props('number'),
    text: props('text'),
    lead: props('lead'),
    items: props('items'),
    steps: into('IN_ACTION'),
    practice: computed(),
    source: nodeSource,
  },
  Step: {
    id,
    number: props('number'),
    order: props('order'),
    text: props('text'),
    items: props('items'),
    itemTree: props('itemsJson'),
    practice: computed(),
    practices: into('HAS_STEP'),
    keyAction: out('IN_ACTION', 'node', true),
    footnotes: out('HAS_FOOTNOTE'),
    source: nodeSource,
  },
  Actor: {
    id,
    name: props('name'),
    category: props('category'),
    aliases: props('aliases'),
    broader: out('BROADER', 'node', true),
    narrower: into('BROADER'),
    practices: into('MENTIONS_ACTOR'),
    mentions: into('MENTIONS_ACTOR', 'edge'),
    analytics: computed(),
  },
  Instrument: {
    id,
    title: props('title'),
    shortName: props('shortName'),
    symbol: props('symbol'),
    issuer: props('issuer'),
    kind: props('kind'),
    year: props('year'),
    aliases: props('aliases'),
    citations: into('CITES', 'edge'),
    practices: into('CITES'),
    analytics: computed(),
  },
  Example: {
    id,
    name: props('name'),
    description: props('description'),
    text: props('text', 'name'),
    urls: props('urls'),
    countries: out('LOCATED_IN'),
    organizations: out('RUN_BY'),
    practices: into('HAS_EXAMPLE'),
    footnotes: out('HAS_FOOTNOTE'),
    sameInitiative: computed('sameInitiativeAs'),
  },
  Organization: { id, name: props('name'), aliases: props('aliases'), examples: into('RUN_BY'), practices: computed() },
  Country: { id, name: props('name'), kind: props('kind'), aliases: props('aliases'), examples: into('LOCATED_IN'), practices: computed() },
  Footnote: { id, number: props('number'), text: props('text'), note: props('note'), urls: props('urls'), attachedTo: into('HAS_FOOTNOTE') },
  RegionalMeeting: { id, place: props('place'), date: props('date'), region: props('region') },
  NexusFamily: { id, name: props('name'), description: props('description'), manifestations: into('OF_FAMILY') },
  Manifestation: {
    id,
    letter: props('letter'),
    name: props('name'),
    family: props('family'),
    definition: props('definition'),
    description: props('description'),
    notions: out('HAS_NOTION'),
    regionalContexts: into('ASSOCIATED_WITH'),
  },
  Notion: { id, name: props('name'), description: props('description'), manifestations: into('HAS_NOTION') },
  RegionalContext: { id, name: props('name'), description: props('description'), manifestations: out('ASSOCIATED_WITH') },
  WatchPoint: { id, factor: props('factor'), category: props('category'), indicators: props('indicators') },
  // Relationship-backed types.
  ActorMention: {
    id: edgeId,
    text: props('text'),
    actor: end,
    entry: props('entry'),
    broader: computed('broader'),
    practice: start,
    source: edgeSource,
  },
  Citation: {
    id: edgeId,
    instrument: end,
    practice: start,
    provisions: props('provisions'),
    text: props('text'),
    viaFootnote: props('viaFootnote'),
    source: edgeSource,
  },
  CrossReference: {
    id: edgeId,
    from: start,
    fromStep: computed('fromStep'),
    fromAction: computed('fromAction'),
    to: end,
    toStep: computed('toStep'),
    cue: props('cue'),
    text: props('text'),
    source: edgeSource,
  },
  // Plain-data views of any node or relationship, for graph tools.
  GraphNode: { id, nodeId: id, type: props(), labels: props(), label: computed(), properties: { kind: 'all' }, node: computed(), analytics: computed() },
  GraphEdge: { id: edgeId, relationshipId: edgeId, source: props(), target: props(), type: props(), properties: { kind: 'all' } },
};

/** GraphQL types that stand for a relationship, and the relationship type behind each. */
export const EDGE_TYPES: Readonly<Record<string, string>> = {
  ActorMention: 'MENTIONS_ACTOR',
  Citation: 'CITES',
  CrossReference: 'REFERENCES',
};

/** The GraphQL type of a link field's items: the other node's label, or the relationship's GraphQL type. */
export function linkTargetType(binding: LinkBinding): string | null {
  if (binding.returns === 'edge') {
    return Object.entries(EDGE_TYPES).find(([, type]) => type === binding.relationship)?.[0] ?? null;
  }
  const model = relationshipModel(binding.relationship);
  const ends = binding.direction === 'out' ? model?.to : model?.from;
  return ends && ends.length === 1 ? (ends[0] ?? null) : null;
}
