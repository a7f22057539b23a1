// Search and facets. The search words narrow the practices (a practice
// matches when one of its passages, or one of its actors, instruments,
// countries or organisations, matches) and the facet counts follow; facet
// names typed in the search ("… prison administration … Rome Memorandum") are
// read as facets. Passages are grouped by practice; facets take several
// values (OR) and exclusions; the results can be downloaded as CSV or JSON.
import { graphql } from '../api.js';
import { emptyNote, h, section, snippet } from '../dom.js';
import { entityIdsOf, facetValues, matchesFacets, recogniseFacets, type FacetPractice, type FacetSelection, type RecognisedFacet } from '../facets.js';
import { downloadText, toCsv } from '../download.js';
import { exploreHref, FACETS, graphHref, hrefForNode, insightsHref, practiceHref, type ExploreState, type Facet } from '../routes.js';
import { SECTION_ONE_FIELDS, sectionOneBlock, type SectionOne } from './concept.js';
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

/** Groups of passages shown before "Show all", and passages per group before "more". */
const GROUPS_SHOWN = 6;
const HITS_PER_GROUP = 3;
/** Facet lists longer than this get a filter box and show this many values until it is used. */
const LONG_FACET = 8;

/** "GP 17", "gp17", "practice 17": the practice itself (the API's reading of the same forms). */
const PRACTICE_REFERENCE = /^\s*(?:good\s+practices?|practices?|gp)\s*(?:no\.?|#)?\s*(\d{1,3})\s*$/i;
const FILLER = new Set(
  'a an and are as at be by for in is it of on or the to with about all any cite cited cites citing concerning do does find give good how involve involved involves involving list me mention mentioned mentioning mentions name named names naming practice practices refer referring refers regarding show that these those use uses using what where which who whose'.split(
    ' ',
  ),
);

const EXPLORE_QUERY = `
query Explore($q: String!, $withSearch: Boolean!, $types: [SearchableType!]) {
  goodPractices(first: 50) {
    totalCount
    nodes {
      number title area { code title }
      actors { actor { id name aliases } }
      citations { instrument { id title shortName symbol aliases } }
      examples { countries { id name } organizations { id name } }
    }
  }
  ${SECTION_ONE_FIELDS}
  searchCorrection(query: $q) @include(if: $withSearch)
  search(query: $q, types: $types, first: 100) @include(if: $withSearch) {
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

interface ExploreData extends SectionOne {
  goodPractices: { totalCount: number; nodes: FacetPractice[] };
  searchCorrection?: string | null;
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

/** Practice numbers a passage belongs to, or [] for hits that stand alone (actors, instruments…). */
function ownPractices(hit: SearchHit): number[] {
  if (hit.type === 'GoodPractice' && hit.node.number !== undefined) return [hit.node.number];
  if (hit.node.practice) return [hit.node.practice.number];
  if (hit.node.practices) return hit.node.practices.map((practice) => practice.number);
  return [];
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

const plainText = (marked: string): string => marked.replace(/<\/?mark>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

function with_(state: ExploreState, change: Partial<ExploreState>): ExploreState {
  return { ...state, ...change };
}

const lower = (value: string): string => value.toLowerCase();
const without = (values: readonly string[] | undefined, value: string): string[] => (values ?? []).filter((other) => lower(other) !== lower(value));
const has = (values: readonly string[] | undefined, value: string): boolean => (values ?? []).some((other) => lower(other) === lower(value));

function selection(values: FacetSelection, facet: Facet, next: string[]): FacetSelection {
  const copy = { ...values };
  if (next.length === 0) delete copy[facet];
  else copy[facet] = next;
  return copy;
}

/** Keeps a value (adds it to the facet's OR set), or removes it when kept. */
function toggleKept(state: ExploreState, facet: Facet, value: string): ExploreState {
  const kept = state.facets[facet];
  const next = has(kept, value) ? without(kept, value) : [...(kept ?? []), value];
  return with_(state, { facets: selection(state.facets, facet, next), exclude: selection(state.exclude, facet, without(state.exclude[facet], value)) });
}

function toggleExcluded(state: ExploreState, facet: Facet, value: string): ExploreState {
  const excluded = state.exclude[facet];
  const next = has(excluded, value) ? without(excluded, value) : [...(excluded ?? []), value];
  return with_(state, { exclude: selection(state.exclude, facet, next), facets: selection(state.facets, facet, without(state.facets[facet], value)) });
}

/** What the page shows for one state: the practices that answer, passages grouped by practice, facet counts. */
export interface Answer {
  /** Facets read from the search text (applied when the text is nothing but facet names). */
  recognised: RecognisedFacet[];
  interpreted: boolean;
  kept: FacetSelection;
  /** Matching practices, best first (by number without search words). */
  practices: FacetPractice[];
  /** Sum of the scores of the practice's passages and of its matching actors, instruments and places. */
  scores: Map<number, number>;
  passages: Map<number, SearchHit[]>;
  others: SearchHit[];
  /** Practices the search words reach, before facets (null without search words). */
  reached: Set<number> | null;
}

export function answer(state: ExploreState, practices: readonly FacetPractice[], hits: readonly SearchHit[] | undefined): Answer {
  const recognised = state.q && !state.literal ? recogniseFacets(state.q, practices) : [];
  let rest = ` ${(state.q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')} `;
  for (const found of recognised) rest = rest.replace(` ${found.words} `, ' ');
  const interpreted = recognised.length > 0 && rest.trim().split(' ').every((word) => word === '' || FILLER.has(word));
  const kept: FacetSelection = { ...state.facets };
  if (interpreted) {
    for (const found of recognised) if (!has(kept[found.facet], found.value)) kept[found.facet] = [...(kept[found.facet] ?? []), found.value];
  }

  const scores = new Map<number, number>();
  const passages = new Map<number, SearchHit[]>();
  const others: SearchHit[] = [];
  const entityIds = new Map(practices.map((practice) => [practice.number, entityIdsOf(practice)]));
  for (const hit of hits ?? []) {
    const own = ownPractices(hit);
    if (own.length > 0) {
      for (const number of own) {
        passages.set(number, [...(passages.get(number) ?? []), hit]);
        scores.set(number, (scores.get(number) ?? 0) + hit.score);
      }
    } else {
      others.push(hit);
      for (const [number, ids] of entityIds) if (ids.has(hit.node.id)) scores.set(number, (scores.get(number) ?? 0) + hit.score / 2);
    }
  }
  // The words narrow the practices unless they were read as facets.
  const reached = hits && !interpreted ? new Set(scores.keys()) : null;
  const matching = practices.filter((practice) => (reached === null || reached.has(practice.number)) && matchesFacets(practice, kept, state.exclude));
  const ranked = reached
    ? matching.sort((left, right) => (scores.get(right.number) ?? 0) - (scores.get(left.number) ?? 0) || left.number - right.number)
    : matching.sort((left, right) => left.number - right.number);
  return { recognised, interpreted, kept, practices: ranked, scores, passages, others, reached };
}

function searchForm(state: ExploreState): HTMLFormElement {
  const input = h('input', {
    type: 'search',
    name: 'q',
    value: state.q,
    placeholder: 'Ask, e.g. practices naming prison administration and citing the Rome Memorandum',
    'aria-label': 'Search the toolkit',
    autocomplete: 'off',
    'data-autofocus': true,
  });
  const form = h('form', { role: 'search', class: 'search-form' }, input, h('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    const practice = PRACTICE_REFERENCE.exec(q);
    location.hash = practice ? practiceHref(Number(practice[1])) : exploreHref(with_(state, { q, literal: false }));
  });
  return form;
}

function facetChip(href: string, text: string, title: string): HTMLElement {
  return h('a', { class: 'chip', href, title }, text, h('span', { 'aria-hidden': 'true' }, ' ×'));
}

function activeFilters(state: ExploreState): HTMLElement | null {
  const chips = FACETS.flatMap((facet) => [
    ...(state.facets[facet] ?? []).length > 0
      ? [
          facetChip(
            exploreHref(with_(state, { facets: selection(state.facets, facet, []) })),
            `${FACET_TITLES[facet]}: ${(state.facets[facet] ?? []).join(' or ')}`,
            `Remove the ${FACET_TITLES[facet].toLowerCase()} filter`,
          ),
        ]
      : [],
    ...(state.exclude[facet] ?? []).map((value) =>
      facetChip(exploreHref(toggleExcluded(state, facet, value)), `not ${FACET_TITLES[facet]}: ${value}`, 'Stop leaving these out'),
    ),
  ]);
  if (chips.length === 0) return null;
  const clear: ExploreState = with_(state, { facets: {}, exclude: {} });
  return h('p', { class: 'chips', 'aria-label': 'Active filters' }, chips, h('a', { href: exploreHref(clear), class: 'clear' }, 'Clear filters'));
}

function interpretation(state: ExploreState, result: Answer, correction: string | null | undefined): HTMLElement | null {
  const lines: HTMLElement[] = [];
  if (correction) {
    lines.push(
      h('p', { class: 'correction' }, 'No passage uses some of these words; showing matches for ', h('strong', {}, `“${correction}”`), '. ',
        h('a', { href: exploreHref(with_(state, { q: correction })) }, `Search for “${correction}”`)),
    );
  }
  if (result.interpreted) {
    lines.push(
      h('p', { class: 'understood' }, 'Read as ',
        result.recognised.map((found, index) => [index > 0 ? ' and ' : '', h('strong', {}, `${FACET_TITLES[found.facet]}: ${found.value}`)]),
        '. ', h('a', { href: exploreHref(with_(state, { literal: true })) }, 'Search the words instead')),
    );
  } else if (result.recognised.length > 0) {
    const narrowed = result.recognised.reduce((next, found) => (has(next.facets[found.facet], found.value) ? next : toggleKept(next, found.facet, found.value)), state);
    lines.push(
      h('p', { class: 'understood' }, 'Names ',
        result.recognised.map((found, index) => [index > 0 ? ', ' : '', h('strong', {}, `${FACET_TITLES[found.facet]}: ${found.value}`)]),
        '. ', h('a', { href: exploreHref(narrowed) }, 'Narrow to these')),
    );
  }
  return lines.length > 0 ? h('div', { class: 'note', role: 'status' }, lines) : null;
}

function facetList(state: ExploreState, facet: Facet, practices: readonly FacetPractice[]): HTMLElement {
  const values = facetValues(practices, facet);
  for (const excluded of state.exclude[facet] ?? []) if (!values.some((value) => lower(value.value) === lower(excluded))) values.push({ value: excluded, label: excluded, count: 0 });
  const id = `facet-${facet}`;
  const list = h(
    'ul',
    { 'aria-labelledby': id, id: `${id}-values` },
    values.map((value, index) => {
      const isKept = has(state.facets[facet], value.value);
      const isExcluded = has(state.exclude[facet], value.value);
      return h(
        'li',
        { 'data-value': value.label.toLowerCase(), hidden: values.length > LONG_FACET && index >= LONG_FACET && !isKept && !isExcluded },
        h(
          'a',
          {
            href: exploreHref(toggleKept(state, facet, value.value)),
            'aria-current': isKept ? 'true' : null,
            class: isExcluded ? 'excluded' : null,
            title: isKept ? 'Remove this value' : (state.facets[facet] ?? []).length > 0 ? 'Also practices with this value (or)' : `Only practices with this ${FACET_TITLES[facet].toLowerCase()}`,
          },
          h('span', { class: 'facet-label' }, value.label),
          h('span', { class: 'count' }, String(value.count)),
        ),
        h(
          'a',
          {
            href: exploreHref(toggleExcluded(state, facet, value.value)),
            class: 'exclude',
            'aria-label': `${isExcluded ? 'Stop leaving out' : 'Leave out'} ${value.label}`,
            title: isExcluded ? 'Stop leaving these out' : 'Leave out practices with this value',
            'aria-pressed': isExcluded ? 'true' : 'false',
            role: 'button',
          },
          isExcluded ? '↺' : '−',
        ),
      );
    }),
  );
  if (values.length === 0) return h('section', { class: 'facet', 'data-facet': facet }, h('h3', { id }, FACET_TITLES[facet]), emptyNote('None'));
  const parts: Array<HTMLElement | null> = [];
  if (values.length > LONG_FACET) {
    const filter = h('input', { type: 'search', class: 'facet-filter', placeholder: `Find ${FACET_TITLES[facet].toLowerCase()}…`, 'aria-label': `Find a value of ${FACET_TITLES[facet].toLowerCase()}`, 'aria-controls': `${id}-values` });
    const more = h('button', { type: 'button', class: 'link-button', 'aria-controls': `${id}-values` }, `Show all ${values.length}`);
    const show = (text: string, all: boolean): void => {
      const wanted = text.trim().toLowerCase();
      let index = 0;
      for (const item of list.querySelectorAll<HTMLLIElement>('li')) {
        const matches = wanted === '' || (item.dataset['value'] ?? '').includes(wanted);
        item.hidden = !matches || (!all && wanted === '' && index >= LONG_FACET && !item.querySelector('[aria-current], .excluded'));
        index += 1;
      }
      more.hidden = all || wanted !== '';
    };
    filter.addEventListener('input', () => show(filter.value, false));
    more.addEventListener('click', () => show('', true));
    parts.push(filter);
    parts.push(list, more);
  } else {
    parts.push(list);
  }
  return h('section', { class: 'facet', 'data-facet': facet }, h('h3', { id }, FACET_TITLES[facet]), parts);
}

function facetPanel(state: ExploreState, practices: readonly FacetPractice[], reached: Set<number> | null, kept: FacetSelection): HTMLElement {
  const inReach = practices.filter((practice) => reached === null || reached.has(practice.number));
  return h(
    'aside',
    { class: 'facets', 'aria-labelledby': 'facets-title' },
    h('h2', { id: 'facets-title' }, 'Narrow the practices'),
    h('p', { class: 'muted small' }, 'Pick several values for any of them; − leaves a value out.'),
    FACETS.map((facet) => facetList(state, facet, inReach.filter((practice) => matchesFacets(practice, kept, state.exclude, facet)))),
  );
}

function hitItem(state: ExploreState, hit: SearchHit): HTMLElement {
  const facet = FACET_OF_TYPE[hit.type];
  const value = facetValueOfHit(hit);
  return h(
    'li',
    { class: 'hit', 'data-type': hit.type },
    h('span', { class: `type type-${hit.type}` }, hit.type.replace(/([a-z])([A-Z])/g, '$1 $2')),
    ' ',
    h('a', { href: hitHref(hit), class: 'hit-title' }, hitTitle(hit)),
    facet && value
      ? h('a', { href: exploreHref(toggleKept(state, facet, value)), class: 'narrow', title: `Narrow the practices to this ${FACET_TITLES[facet].toLowerCase()}` }, 'narrow to this')
      : null,
    h('p', { class: 'snippet' }, snippet(hit.snippet)),
  );
}

function hitGroup(state: ExploreState, title: Node | string, hits: SearchHit[], id: string, hidden: boolean): HTMLElement {
  const items = hits.map((hit, index) => {
    const item = hitItem(state, hit);
    item.hidden = index >= HITS_PER_GROUP;
    return item;
  });
  const list = h('ol', { class: 'hit-list', id: `${id}-hits` }, items);
  const more =
    hits.length > HITS_PER_GROUP
      ? h('button', { type: 'button', class: 'link-button', 'aria-controls': `${id}-hits` }, `Show ${hits.length - HITS_PER_GROUP} more`)
      : null;
  more?.addEventListener('click', () => {
    for (const item of items) item.hidden = false;
    more.remove();
    items[HITS_PER_GROUP]?.querySelector<HTMLAnchorElement>('a.hit-title')?.focus();
  });
  return h('section', { class: 'hit-group', 'aria-labelledby': id, hidden }, h('h3', { id }, title), list, more);
}

function passagesBlock(state: ExploreState, result: Answer, practices: readonly FacetPractice[]): HTMLElement {
  const tabs = h(
    'nav',
    { class: 'tabs', 'aria-label': 'Kinds of match' },
    h('a', { href: exploreHref(with_(state, { types: [] })), 'aria-current': state.types.length === 0 ? 'page' : null }, 'All'),
    HIT_TYPES.map(([type, label]) =>
      h('a', { href: exploreHref(with_(state, { types: [type] })), 'aria-current': state.types.includes(type) ? 'page' : null }, label),
    ),
  );
  const shownPractices = result.practices.filter((practice) => result.passages.has(practice.number));
  const titles = new Map(practices.map((practice) => [practice.number, practice.title]));
  const groups: Array<{ score: number; render: (hidden: boolean) => HTMLElement }> = shownPractices.map((practice) => {
    const hits = result.passages.get(practice.number) ?? [];
    return {
      score: Math.max(...hits.map((hit) => hit.score)),
      render: (hidden) =>
        hitGroup(
          state,
          h('span', {}, h('a', { href: practiceHref(practice.number) }, `GP ${practice.number}`), `: ${titles.get(practice.number) ?? ''} `, h('span', { class: 'count' }, `${hits.length} passage${hits.length === 1 ? '' : 's'}`)),
          hits,
          `group-gp-${practice.number}`,
          hidden,
        ),
    };
  });
  if (result.others.length > 0) {
    groups.push({
      score: Math.max(...result.others.map((hit) => hit.score)),
      render: (hidden) => hitGroup(state, h('span', {}, 'Actors, instruments, places and concepts ', h('span', { class: 'count' }, String(result.others.length))), result.others, 'group-others', hidden),
    });
  }
  groups.sort((left, right) => right.score - left.score);
  const rendered = groups.map((group, index) => group.render(index >= GROUPS_SHOWN));
  const total = shownPractices.reduce((sum, practice) => sum + (result.passages.get(practice.number)?.length ?? 0), 0) + result.others.length;
  const showAll =
    groups.length > GROUPS_SHOWN ? h('button', { type: 'button', class: 'button show-all' }, `Show all ${groups.length} groups`) : null;
  showAll?.addEventListener('click', () => {
    for (const group of rendered) group.hidden = false;
    showAll.remove();
    rendered[GROUPS_SHOWN]?.querySelector<HTMLElement>('h3 a, h3')?.focus();
  });
  return h(
    'section',
    { class: 'block hits', 'aria-labelledby': 'hits-title' },
    h('h2', { id: 'hits-title' }, `Passages for “${state.q}”`, h('span', { class: 'count' }, String(total))),
    tabs,
    rendered.length === 0 ? emptyNote('Nothing matches. Try other words.') : rendered,
    showAll,
  );
}

function practicesBlock(state: ExploreState, result: Answer, narrowed: boolean): HTMLElement {
  const title = state.q ? 'Practices that answer' : narrowed ? 'Practices matching the filters' : 'All good practices';
  const list =
    result.practices.length === 0
      ? emptyNote(state.q ? 'No practice matches these words and filters.' : 'No practice matches these filters.')
      : h(
          'ol',
          { class: 'practice-list answers' },
          result.practices.map((practice) => {
            const passages = result.passages.get(practice.number)?.length ?? 0;
            return h(
              'li',
              {},
              h('span', { class: 'badge', title: `Area ${practice.area.code}` }, practice.area.code),
              ' ',
              h('a', { href: practiceHref(practice.number) }, `GP ${practice.number}: ${practice.title}`),
              passages > 0 ? h('span', { class: 'muted small' }, ` · ${passages} passage${passages === 1 ? '' : 's'}`) : null,
            );
          }),
        );
  return h(
    'section',
    { class: 'block', 'aria-labelledby': 'practices-title' },
    h('h2', { id: 'practices-title' }, title, h('span', { class: 'count' }, String(result.practices.length))),
    list,
  );
}

function exportBlock(state: ExploreState, result: Answer, hits: readonly SearchHit[]): HTMLElement {
  const practiceRows = result.practices.map((practice) => ({
    number: practice.number,
    title: practice.title,
    area: practice.area.code,
    passages: result.passages.get(practice.number)?.length ?? 0,
    url: `${location.origin}/${practiceHref(practice.number)}`,
  }));
  const shown = new Set(result.practices.map((practice) => practice.number));
  const hitRows = hits
    .filter((hit) => ownPractices(hit).length === 0 || ownPractices(hit).some((number) => shown.has(number)))
    .map((hit, index) => ({ rank: index + 1, type: hit.type, id: hit.node.id, title: hitTitle(hit), practices: ownPractices(hit).join(' '), text: plainText(hit.snippet), score: hit.score }));
  const stem = `nexus-search${state.q ? `-${state.q.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 40)}` : ''}`;
  const csv = h('button', { type: 'button', class: 'button', 'data-export': 'csv' }, 'CSV');
  const json = h('button', { type: 'button', class: 'button', 'data-export': 'json' }, 'JSON');
  csv.addEventListener('click', () => {
    const practicesCsv = toCsv(['number', 'title', 'area', 'passages', 'url'], practiceRows.map((row) => [row.number, row.title, row.area, row.passages, row.url]));
    const hitsCsv = toCsv(['rank', 'type', 'id', 'title', 'practices', 'text', 'score'], hitRows.map((row) => [row.rank, row.type, row.id, row.title, row.practices, row.text, row.score]));
    downloadText(`${stem}.csv`, state.q ? `${practicesCsv}\r\n${hitsCsv}` : practicesCsv, 'text/csv');
  });
  json.addEventListener('click', () => {
    const body = { query: state.q, facets: result.kept, excluded: state.exclude, url: location.href, practices: practiceRows, passages: hitRows };
    downloadText(`${stem}.json`, `${JSON.stringify(body, null, 2)}\n`, 'application/json');
  });
  return h('p', { class: 'actions export-results' }, h('span', {}, 'Export these results:'), csv, json);
}

/** On the home page: where the structure of the toolkit is shown. */
function networkBlock(): HTMLElement {
  return section(
    'The toolkit as a network',
    'network-title',
    h(
      'p',
      {},
      'Which actors and instruments hold the toolkit together, which practices belong together, which instruments are cited together: ',
      h('a', { href: insightsHref() }, 'Insights'),
      ' (network analytics, with the algorithm behind each figure), or the ',
      h('a', { href: graphHref({ id: 'overview', depth: 1, expand: [], hide: [], size: 'pagerank', colour: 'community' }) }, 'whole graph sized by PageRank and coloured by community'),
      '.',
    ),
  );
}

export async function renderExplore(context: ViewContext, state: ExploreState): Promise<RenderedView> {
  const practiceReference = PRACTICE_REFERENCE.exec(state.q);
  if (practiceReference) {
    // A shared "#/?q=GP 17" opens the practice, as typing it does.
    location.replace(practiceHref(Number(practiceReference[1])));
    return { title: 'Opening the practice', content: h('p', {}, h('a', { href: practiceHref(Number(practiceReference[1])) }, `GP ${practiceReference[1]}`)) };
  }
  const data = await graphql<ExploreData>(
    EXPLORE_QUERY,
    { q: state.q || '-', withSearch: state.q !== '', types: state.types.length > 0 ? state.types : null },
    context.signal,
  );
  const practices = data.goodPractices.nodes;
  const result = answer(state, practices, data.search);
  const narrowed = Object.keys(result.kept).length > 0 || Object.keys(state.exclude).length > 0;
  const content = h(
    'div',
    { class: 'explore' },
    h('h1', {}, 'Explore the good practices'),
    searchForm(state),
    interpretation(state, result, data.searchCorrection),
    activeFilters(state),
    h(
      'div',
      { class: 'with-sidebar' },
      // The answer comes first in reading and Tab order; the facets sit beside it on wide screens.
      h(
        'div',
        { class: 'results' },
        practicesBlock(state, result, narrowed),
        exportBlock(state, result, data.search ?? []),
        data.search ? passagesBlock(state, result, practices) : null,
        !state.q && !narrowed ? sectionOneBlock(data) : null,
        !state.q && !narrowed ? networkBlock() : null,
      ),
      facetPanel(state, practices, result.reached, result.kept),
    ),
  );
  const title = state.q ? `“${state.q}”` : narrowed ? 'Filtered practices' : 'Explore';
  return { title, content };
}
