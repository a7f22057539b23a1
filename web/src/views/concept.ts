// Section 1 of the toolkit, readable: the two nexus families, the six
// manifestations with their definitions, the notions and regional contexts
// they relate to, the watch points with their indicators; and footnotes with
// the passages that cite them. Each links to the concepts it is tied to.
import { ApiError, graphql } from '../api.js';
import { emptyNote, externalLink, h, section } from '../dom.js';
import { conceptHref, graphHref, hrefForNode } from '../routes.js';
import type { RenderedView, ViewContext } from './view.js';

const CONCEPT_QUERY = `
query Concept($id: ID!) {
  node(id: $id) {
    id
    __typename
    ... on NexusFamily { name description manifestations { id letter name } }
    ... on Manifestation { letter name family definition notions { id name } regionalContexts { id name } }
    ... on Notion { name description manifestations { id letter name } }
    ... on RegionalContext { name description manifestations { id letter name } }
    ... on WatchPoint { factor category indicators }
    ... on Footnote { number text urls attachedTo { id __typename ... on Step { number practice { number } } ... on GoodPractice { number title } ... on KeyAction { number practice { number } } } }
  }
}`;

interface Ref {
  id: string;
  name: string;
  letter?: string;
}

interface ConceptNode {
  id: string;
  __typename: string;
  name?: string;
  description?: string;
  letter?: string;
  family?: string;
  definition?: string;
  factor?: string;
  category?: string;
  indicators?: string[];
  manifestations?: Ref[];
  notions?: Ref[];
  regionalContexts?: Ref[];
  number?: number;
  text?: string;
  urls?: string[];
  attachedTo?: Array<{ id: string; __typename: string; number?: number; title?: string; practice?: { number: number } }>;
}

const TYPE_NAMES: Record<string, string> = {
  NexusFamily: 'Nexus family',
  Manifestation: 'Manifestation of the nexus',
  Notion: 'Related notion',
  RegionalContext: 'Regional context',
  WatchPoint: 'Nexus watch point',
  Footnote: 'Footnote',
};

function refList(title: string, id: string, refs: Ref[] | undefined, type: string): HTMLElement | null {
  if (!refs) return null;
  return section(
    title,
    id,
    refs.length === 0
      ? emptyNote('None.')
      : h('ul', {}, refs.map((ref) => h('li', {}, h('a', { href: hrefForNode(ref.id, type) }, ref.letter ? `${ref.letter}. ${ref.name}` : ref.name)))),
  );
}

function attachedName(node: NonNullable<ConceptNode['attachedTo']>[number]): string {
  if (node.__typename === 'GoodPractice') return `GP ${node.number}: ${node.title ?? ''}`;
  if (node.__typename === 'Step') return `GP ${node.practice?.number}, step ${node.number}`;
  if (node.__typename === 'KeyAction') return `GP ${node.practice?.number}, key action ${node.number}`;
  return node.id;
}

export async function renderConcept(context: ViewContext, id: string): Promise<RenderedView> {
  const data = await graphql<{ node: ConceptNode | null }>(CONCEPT_QUERY, { id }, context.signal);
  const node = data.node;
  if (!node || !(node.__typename in TYPE_NAMES)) throw new ApiError(`There is no Section 1 concept or footnote “${id}”.`);
  const title =
    node.__typename === 'WatchPoint' ? node.factor ?? id
    : node.__typename === 'Footnote' ? `Footnote ${node.number}`
    : node.letter ? `${node.letter}. ${node.name}`
    : node.name ?? id;
  const text = node.definition ?? node.description ?? node.text;
  const content = h(
    'article',
    { class: 'concept', 'data-type': node.__typename },
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/' }, 'Explore'), ' › ', node.__typename === 'Footnote' ? 'Footnotes' : 'Section 1: the nexus'),
    h('h1', {}, h('span', { class: 'number' }, TYPE_NAMES[node.__typename] ?? node.__typename), ' ', title),
    node.family ? h('p', {}, 'Family: ', h('strong', {}, node.family)) : null,
    node.category ? h('p', {}, 'Category: ', h('strong', {}, `${node.category} factor`)) : null,
    text ? section(node.definition ? 'Definition' : 'Text', 'text-title', h('p', { class: 'concept-text' }, text), node.urls?.map((url) => h('p', {}, externalLink(url)))) : null,
    node.indicators ? section('Indicators', 'indicators-title', node.indicators.length > 0 ? h('ul', { class: 'indicators' }, node.indicators.map((indicator) => h('li', {}, indicator))) : emptyNote('None listed.')) : null,
    refList('Manifestations', 'manifestations-title', node.manifestations, 'Manifestation'),
    refList('Related notions', 'notions-title', node.notions, 'Notion'),
    refList('Regional contexts', 'contexts-title', node.regionalContexts, 'RegionalContext'),
    node.attachedTo
      ? section('Cited in', 'cited-title', node.attachedTo.length > 0 ? h('ul', {}, node.attachedTo.map((other) => h('li', {}, h('a', { href: hrefForNode(other.id, other.__typename) }, attachedName(other))))) : emptyNote('Not cited in a passage.'))
      : null,
    h('p', { class: 'actions' }, h('a', { href: graphHref({ id: node.id, depth: 1, expand: [], hide: [] }), class: 'button' }, 'Graph view')),
  );
  return { title, content };
}

/** The Section 1 block of the home page: every concept, one link each. */
export interface SectionOne {
  nexusFamilies: Array<{ id: string; name: string; manifestations: Ref[] }>;
  notions: Ref[];
  regionalContexts: Ref[];
  watchPoints: Array<{ id: string; factor: string; category: string }>;
}

export const SECTION_ONE_FIELDS = `
  nexusFamilies { id name manifestations { id letter name } }
  notions { id name }
  regionalContexts { id name }
  watchPoints { id factor category }`;

export function sectionOneBlock(data: SectionOne): HTMLElement {
  const link = (id: string, text: string) => h('a', { href: conceptHref(id) }, text);
  const byCategory = (category: string) => data.watchPoints.filter((point) => point.category === category);
  return h(
    'section',
    { class: 'block section-one', 'aria-labelledby': 'section-one-title' },
    h('h2', { id: 'section-one-title' }, 'Understanding the nexus (Section 1)'),
    h(
      'div',
      { class: 'columns' },
      data.nexusFamilies.map((family) =>
        h('div', {}, h('h3', {}, link(family.id, `${family.name}`)), h('ul', {}, family.manifestations.map((m) => h('li', {}, link(m.id, `${m.letter}. ${m.name}`))))),
      ),
      h('div', {}, h('h3', {}, 'Related notions'), h('ul', {}, data.notions.map((notion) => h('li', {}, link(notion.id, notion.name))))),
      h('div', {}, h('h3', {}, 'Regional contexts'), h('ul', {}, data.regionalContexts.map((context) => h('li', {}, link(context.id, context.name))))),
      ['environmental', 'organizational'].map((category) =>
        h('div', {}, h('h3', {}, `Watch points: ${category} factors`), h('ul', {}, byCategory(category).map((point) => h('li', {}, link(point.id, point.factor))))),
      ),
    ),
  );
}
