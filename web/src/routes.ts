// Hash-based routes: every view has a URL that can be shared or bookmarked
// (the service serves one static page, so the state lives after the "#").
//   #/?q=&actor=a&actor=b&not-actor=c&…&types=&literal=1           search and facets (a OR b, not c)
//   #/practice/17?step=<step id>                                      a good practice
//   #/actor/<slug> #/instrument/<slug> #/organization/<slug> #/country/<slug>
//   #/graph?id=<node id>&depth=1&expand=<ids>&hide=<types>&to=<node id>&size=pagerank&colour=community
//   #/insights?measure=betweenness                                     network analytics (PageRank when absent)

export const FACETS = ['area', 'actor', 'instrument', 'country', 'organization'] as const;
export type Facet = (typeof FACETS)[number];

export interface ExploreState {
  q: string;
  /** Values kept per facet: a practice matches one of them (OR); facets combine with AND. */
  facets: Partial<Record<Facet, string[]>>;
  /** Values whose practices are left out. */
  exclude: Partial<Record<Facet, string[]>>;
  /** SearchableType names the hits are limited to; empty for all. */
  types: string[];
  /** Search the words only, without reading facet names in them. */
  literal: boolean;
}

export type EntityKind = 'actor' | 'instrument' | 'organization' | 'country';

/** Id prefix of each entity kind (docs/graph-format.md). */
export const ENTITY_PREFIXES: Readonly<Record<EntityKind, string>> = {
  actor: 'actor:',
  instrument: 'instrument:',
  organization: 'org:',
  country: 'country:',
};

export interface GraphState {
  id: string;
  depth: number;
  /** Nodes whose neighbourhood was added, in the order they were expanded. */
  expand: string[];
  /** Relationship types hidden by the filter. */
  hide: string[];
  /** Target of the path finder. */
  to?: string;
  /** Start of the path finder (the centre when absent). */
  from?: string;
  /** Node types hidden by the node-type filter. */
  hideTypes?: string[];
  /** Layout of the drawing (force when absent). */
  layout?: 'circle';
  /** Node size by a centrality score (by type when absent). */
  size?: Measure;
  /** Node colour by community (by type when absent). */
  colour?: 'community';
}

/** The centrality measures the explorer shows, as they appear in URLs. */
export const MEASURES = ['pagerank', 'betweenness'] as const;
export type Measure = (typeof MEASURES)[number];

const measureOf = (value: string | null): Measure | undefined => MEASURES.find((measure) => measure === value);

export type Route =
  | { view: 'explore'; state: ExploreState }
  | { view: 'practice'; number: number; step?: string }
  | { view: 'entity'; kind: EntityKind; id: string }
  | { view: 'graph'; state: GraphState }
  | { view: 'concept'; id: string }
  | { view: 'insights'; measure: Measure }
  | { view: 'not-found'; path: string };

const list = (value: string | null): string[] => (value ? value.split(',').filter((item) => item !== '') : []);

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '') || '/';
  const questionMark = raw.indexOf('?');
  const path = questionMark === -1 ? raw : raw.slice(0, questionMark);
  const params = new URLSearchParams(questionMark === -1 ? '' : raw.slice(questionMark + 1));
  const segments = path.split('/').filter((segment) => segment !== '').map(decodeURIComponent);

  if (segments.length === 0 || (segments.length === 1 && segments[0] === 'search')) {
    const values = (name: string): string[] => [...new Set(params.getAll(name).map((value) => value.trim()).filter((value) => value !== ''))];
    const facets: Partial<Record<Facet, string[]>> = {};
    const exclude: Partial<Record<Facet, string[]>> = {};
    for (const facet of FACETS) {
      const kept = values(facet);
      if (kept.length > 0) facets[facet] = kept;
      const left = values(`not-${facet}`);
      if (left.length > 0) exclude[facet] = left;
    }
    return {
      view: 'explore',
      state: { q: params.get('q')?.trim() ?? '', facets, exclude, types: list(params.get('types')), literal: params.get('literal') === '1' },
    };
  }
  const [head, rest] = segments;
  if (head === 'practice' && rest && /^\d+$/.test(rest) && segments.length === 2) {
    const step = params.get('step');
    return { view: 'practice', number: Number(rest), ...(step ? { step } : {}) };
  }
  if ((head === 'actor' || head === 'instrument' || head === 'organization' || head === 'country') && rest) {
    const slug = segments.slice(1).join('/');
    const prefix = ENTITY_PREFIXES[head];
    return { view: 'entity', kind: head, id: slug.startsWith(prefix) ? slug : `${prefix}${slug}` };
  }
  if (head === 'concept' && rest) {
    return { view: 'concept', id: segments.slice(1).join('/') };
  }
  if (head === 'insights' && segments.length === 1) {
    return { view: 'insights', measure: measureOf(params.get('measure')) ?? 'pagerank' };
  }
  if (head === 'graph' && segments.length === 1) {
    const id = params.get('id');
    if (id) {
      const depth = Number(params.get('depth') ?? '1');
      const to = params.get('to');
      const from = params.get('from');
      const hideTypes = list(params.get('hidetypes'));
      const size = measureOf(params.get('size'));
      return {
        view: 'graph',
        state: {
          id,
          depth: depth === 2 ? 2 : 1,
          expand: list(params.get('expand')),
          hide: list(params.get('hide')),
          ...(to ? { to } : {}),
          ...(from ? { from } : {}),
          ...(hideTypes.length > 0 ? { hideTypes } : {}),
          ...(params.get('layout') === 'circle' ? { layout: 'circle' as const } : {}),
          ...(size ? { size } : {}),
          ...(params.get('colour') === 'community' ? { colour: 'community' as const } : {}),
        },
      };
    }
  }
  return { view: 'not-found', path };
}

function query(entries: Array<[string, string | undefined]>): string {
  const params = new URLSearchParams();
  for (const [name, value] of entries) if (value) params.set(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function exploreHref(state: ExploreState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of FACETS) {
    for (const value of state.facets[facet] ?? []) params.append(facet, value);
    for (const value of state.exclude[facet] ?? []) params.append(`not-${facet}`, value);
  }
  if (state.types.length > 0) params.set('types', state.types.join(','));
  if (state.literal) params.set('literal', '1');
  const text = params.toString();
  return `#/${text ? `?${text}` : ''}`;
}

/** The search view for some words, with no facet. */
export function searchHref(q: string): string {
  return exploreHref({ q, facets: {}, exclude: {}, types: [], literal: false });
}

export function practiceHref(number: number, step?: string): string {
  return `#/practice/${number}${query([['step', step]])}`;
}

export function entityHref(kind: EntityKind, id: string): string {
  const prefix = ENTITY_PREFIXES[kind];
  const slug = id.startsWith(prefix) ? id.slice(prefix.length) : id;
  return `#/${kind}/${slug.split('/').map(encodeURIComponent).join('/')}`;
}

export function graphHref(state: GraphState): string {
  return `#/graph${query([
    ['id', state.id],
    ['depth', state.depth === 1 ? undefined : String(state.depth)],
    ['expand', state.expand.join(',')],
    ['hide', state.hide.join(',')],
    ['hidetypes', (state.hideTypes ?? []).join(',')],
    ['layout', state.layout],
    ['size', state.size],
    ['colour', state.colour],
    ['from', state.from],
    ['to', state.to],
  ])}`;
}

export function insightsHref(measure: Measure = 'pagerank'): string {
  return `#/insights${query([['measure', measure === 'pagerank' ? undefined : measure]])}`;
}

/** Section 1 concepts and footnotes: read on a page of their own. */
export const CONCEPT_TYPES: ReadonlySet<string> = new Set(['NexusFamily', 'Manifestation', 'Notion', 'RegionalContext', 'WatchPoint', 'Footnote']);

export function conceptHref(id: string): string {
  return `#/concept/${encodeURIComponent(id)}`;
}

/** The page that best shows a node of the given type. */
export function hrefForNode(id: string, type: string): string {
  const practice = /^gp:(\d+)(\/.*)?$/.exec(id);
  if (practice && (type === 'GoodPractice' || type === 'Step' || type === 'KeyAction')) {
    return practiceHref(Number(practice[1]), type === 'Step' ? id : undefined);
  }
  if (CONCEPT_TYPES.has(type)) return conceptHref(id);
  const kinds: Record<string, EntityKind> = { Actor: 'actor', Instrument: 'instrument', Organization: 'organization', Country: 'country' };
  const kind = kinds[type];
  if (kind) return entityHref(kind, id);
  return graphHref({ id, depth: 1, expand: [], hide: [] });
}
