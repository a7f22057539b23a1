// Search and facets: full-text hits across node types with highlighted
// snippets, and the good practices narrowed by area, actor, instrument,
// country and organisation.
import { graphql } from '../api.js';
import { emptyNote, h, snippet } from '../dom.js';
import { facetValues, type FacetPractice } from '../facets.js';
import { exploreHref, FACETS, hrefForNode, practiceHref, type ExploreState, type Facet } from '../routes.js';
import { practiceList } from './parts.js';
import type { RenderedView, ViewContext } from './view.js';

const FACET_TITLES: Record<Facet, string> = {
  area: 'Area',
  actor: 'Actor',
  instrument: 'Instrument',
  country: 'Country',
  organization: 'Organisation',
};

/** Hit types offered as tabs (SearchableType names) and how they are called. */
const HIT_TYPES: Array<[string, string]> = [
  ['GOOD_PRACTICE', 'Practices'],
  ['STEP', 'Steps'],
  ['KEY_ACTION', 'Key actions'],
  ['ACTOR', 'Actors'],
  ['INSTRUMENT', 'Instruments'],
  ['EXAMPLE', 'Examples'],
  ['ORGANIZATION', 'Organisations'],
  ['COUNTRY', 'Countries'],
];

/** Hit node types that can be turned into a facet with one click. */
const FACET_OF_TYPE: Record<string, Facet> = { Actor: 'actor', Instrument: 'instrument', Country: 'country', Organization: 'organization' };

const EXPLORE_QUERY = `
query Explore($filter: GoodPracticeFilter, $q: String!, $withSearch: Boolean!, $types: [SearchableType!]) {
  goodPractices(filter: $filter, first: 50) {
    totalCount
    nodes {
      number title area { code title }
      actors { actor { id name } }
      citations { instrument { id title shortName symbol } }
      examples { countries { id name } organizations { id name } }
    }
  }
  search(query: $q, types: $types, first: 40) @include(if: $withSearch) {
    score snippet field type
    node {
      id
      ... on GoodPractice { number title }
      ... on Step { number practice { number title } }
      ... on KeyAction { number practice { number title } }
      ... on Actor { name }
      ... on Instrument { title shortName symbol }
      ... on Example { name practices { number } }
      ... on Organization { name }
      ... on Country { name }
      ... on Footnote { number }
      ... on Manifestation { name }
      ... on Notion { name }
      ... on RegionalContext { name }
      ... on WatchPoint { factor }
    }
  }
}`;

interface HitNode {
  id: string;
  number?: number;
  title?: string;
  name?: string;
  factor?: string;
  shortName?: string | null;
  symbol?: string | null;
  practice?: { number: number; title: string };
  practices?: Array<{ number: number }>;
}

interface SearchHit {
  score: number;
  snippet: string;
  field: string;
  type: string;
  node: HitNode;
}

interface ExploreData {
  goodPractices: { totalCount: number; nodes: FacetPractice[] };
  search?: SearchHit[];
}

function hitTitle(hit: SearchHit): string {
  const node = hit.node;
  switch (hit.type) {
    case 'GoodPractice':
      return `GP ${node.number}: ${node.title}`;
    case 'Step':
      return `GP ${node.practice?.number}, step ${node.number}`;
    case 'KeyAction':
      return `GP ${node.practice?.number}, key action ${node.number}`;
    case 'Instrument':
      return node.shortName ?? node.title ?? node.id;
    case 'Footnote':
      return `Footnote ${node.number}`;
    case 'WatchPoint':
      return node.factor ?? node.id;
    default:
      return node.name ?? node.title ?? node.id;
  }
}

/** Practice numbers a hit belongs to, or null for hits that stand alone (actors, instruments…). */
function hitPractices(hit: SearchHit): number[] | null {
  if (hit.type === 'GoodPractice' && hit.node.number !== undefined) return [hit.node.number];
  if (hit.node.practice) return [hit.node.practice.number];
  if (hit.node.practices) return hit.node.practices.map((practice) => practice.number);
  return null;
}

/** Examples open the practice that gives them; other hits open their own page. */
function hitHref(hit: SearchHit): string {
  const practice = hit.type === 'Example' ? hit.node.practices?.[0] : undefined;
  return practice ? practiceHref(practice.number) : hrefForNode(hit.node.id, hit.type);
}

function facetValueOfHit(hit: SearchHit): string | undefined {
  if (hit.type === 'Instrument') return hit.node.shortName ?? hit.node.symbol ?? hit.node.title;
  return hit.node.name;
}

function with_(state: ExploreState, change: Partial<ExploreState>): ExploreState {
  return { ...state, ...change };
}

function withFacet(state: ExploreState, facet: Facet, value: string | undefined): ExploreState {
  const facets = { ...state.facets };
  if (value === undefined) delete facets[facet];
  else facets[facet] = value;
  return with_(state, { facets });
}

function searchForm(state: ExploreState): HTMLFormElement {
  const input = h('input', {
    type: 'search',
    name: 'q',
    value: state.q,
    placeholder: 'Search practices, steps, actors, instruments, examples…',
    'aria-label': 'Search the toolkit',
    autocomplete: 'off',
    'data-autofocus': true,
  });
  const form = h('form', { role: 'search', class: 'search-form' }, input, h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = exploreHref(with_(state, { q: input.value.trim() }));
  });
  return form;
}

function activeFilters(state: ExploreState): HTMLElement | null {
  const chips = FACETS.filter((facet) => state.facets[facet]).map((facet) =>
    h(
      'a',
      { class: 'chip', href: exploreHref(withFacet(state, facet, undefined)), title: `Remove the ${FACET_TITLES[facet].toLowerCase()} filter` },
      `${FACET_TITLES[facet]}: ${state.facets[facet]}`,
      h('span', { 'aria-hidden': 'true' }, ' ×'),
    ),
  );
  if (chips.length === 0) return null;
  const clear: ExploreState = { q: state.q, facets: {}, types: state.types };
  return h('p', { class: 'chips', 'aria-label': 'Active filters' }, chips, h('a', { href: exploreHref(clear), class: 'clear' }, 'Clear filters'));
}

function facetPanel(state: ExploreState, practices: FacetPractice[]): HTMLElement {
  return h(
    'aside',
    { class: 'facets', 'aria-label': 'Narrow the practices' },
    FACETS.map((facet) => {
      const values = facetValues(practices, facet);
      const selected = state.facets[facet];
      return h(
        'section',
        { class: 'facet', 'data-facet': facet },
        h('h3', { id: `facet-${facet}` }, FACET_TITLES[facet]),
        values.length === 0
          ? emptyNote('None')
          : h(
              'ul',
              { 'aria-labelledby': `facet-${facet}` },
              values.map((value) => {
                const isSelected = selected !== undefined && selected.toLowerCase() === value.value.toLowerCase();
                return h(
                  'li',
                  {},
                  h(
                    'a',
                    {
                      href: exploreHref(withFacet(state, facet, isSelected ? undefined : value.value)),
                      'aria-current': isSelected ? 'true' : null,
                      title: isSelected ? 'Remove this filter' : `Only practices with this ${FACET_TITLES[facet].toLowerCase()}`,
                    },
                    h('span', { class: 'facet-label' }, value.label),
                    h('span', { class: 'count' }, String(value.count)),
                  ),
                );
              }),
            ),
      );
    }),
  );
}

function hitList(state: ExploreState, hits: SearchHit[], practiceNumbers: Set<number>, narrowed: boolean): HTMLElement {
  const tabs = h(
    'nav',
    { class: 'tabs', 'aria-label': 'Kinds of match' },
    h('a', { href: exploreHref(with_(state, { types: [] })), 'aria-current': state.types.length === 0 ? 'page' : null }, 'All'),
    HIT_TYPES.map(([type, label]) =>
      h('a', { href: exploreHref(with_(state, { types: [type] })), 'aria-current': state.types.includes(type) ? 'page' : null }, label),
    ),
  );
  // With facets selected, hits inside practices are limited to those practices.
  const shown = narrowed
    ? hits.filter((hit) => {
        const numbers = hitPractices(hit);
        return numbers === null || numbers.some((number) => practiceNumbers.has(number));
      })
    : hits;
  const items = shown.map((hit) => {
    const facet = FACET_OF_TYPE[hit.type];
    const value = facetValueOfHit(hit);
    return h(
      'li',
      { class: 'hit', 'data-type': hit.type },
      h('span', { class: `type type-${hit.type}` }, hit.type.replace(/([a-z])([A-Z])/g, '$1 $2')),
      ' ',
      h('a', { href: hitHref(hit), class: 'hit-title' }, hitTitle(hit)),
      facet && value
        ? h('a', { href: exploreHref(withFacet(state, facet, value)), class: 'narrow', title: `Narrow the practices to this ${FACET_TITLES[facet].toLowerCase()}` }, 'narrow to this')
        : null,
      h('p', { class: 'snippet' }, snippet(hit.snippet)),
    );
  });
  return h(
    'section',
    { class: 'block hits', 'aria-labelledby': 'hits-title' },
    h('h2', { id: 'hits-title' }, `Matches for “${state.q}”`, h('span', { class: 'count' }, String(shown.length))),
    tabs,
    items.length === 0 ? emptyNote('Nothing matches. Try other words.') : h('ol', { class: 'hit-list' }, items),
  );
}

export async function renderExplore(context: ViewContext, state: ExploreState): Promise<RenderedView> {
  const filter: Record<string, string> = {};
  for (const facet of FACETS) if (state.facets[facet]) filter[facet] = state.facets[facet];
  const data = await graphql<ExploreData>(
    EXPLORE_QUERY,
    {
      filter,
      q: state.q || '-',
      withSearch: state.q !== '',
      types: state.types.length > 0 ? state.types : null,
    },
    context.signal,
  );
  const practices = data.goodPractices.nodes;
  const narrowed = Object.keys(filter).length > 0;
  const practicesBlock = h(
    'section',
    { class: 'block', 'aria-labelledby': 'practices-title' },
    h('h2', { id: 'practices-title' }, narrowed ? 'Practices matching the filters' : 'All good practices', h('span', { class: 'count' }, String(data.goodPractices.totalCount))),
    practiceList(practices),
  );
  const content = h(
    'div',
    { class: 'explore' },
    h('h1', {}, 'Explore the good practices'),
    searchForm(state),
    activeFilters(state),
    h(
      'div',
      { class: 'with-sidebar' },
      facetPanel(state, practices),
      h('div', { class: 'results' }, data.search ? hitList(state, data.search, new Set(practices.map((p) => p.number)), narrowed) : null, practicesBlock),
    ),
  );
  const title = state.q ? `“${state.q}”` : narrowed ? 'Filtered practices' : 'Explore';
  return { title, content };
}
