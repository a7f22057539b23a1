// Shared frame of the actor, instrument, organisation and country pages.
import { ApiError, graphql } from '../api.js';
import { h } from '../dom.js';
import { exploreHref, graphHref, type Facet } from '../routes.js';
import type { RenderedView, ViewContext } from './view.js';

export async function loadNode<T>(context: ViewContext, query: string, id: string, typeName: string, kindLabel: string): Promise<T> {
  const data = await graphql<{ node: (T & { __typename: string }) | null }>(query, { id }, context.signal);
  if (!data.node || data.node.__typename !== typeName) throw new ApiError(`There is no ${kindLabel} with id “${id}”.`);
  return data.node;
}

export function entityPage(options: {
  id: string;
  kindLabel: string;
  title: string;
  facet: Facet;
  facetValue: string;
  body: Array<Node | null>;
}): RenderedView {
  const content = h(
    'article',
    { class: 'entity' },
    h('p', { class: 'breadcrumb' }, options.kindLabel),
    h('h1', {}, options.title),
    h(
      'p',
      { class: 'actions' },
      h('a', { href: exploreHref({ q: '', facets: { [options.facet]: [options.facetValue] }, exclude: {}, types: [], literal: false }), class: 'button' }, 'Practices in the explorer'),
      h('a', { href: graphHref({ id: options.id, depth: 1, expand: [], hide: [] }), class: 'button' }, 'Graph view'),
      h('a', { href: `/export/graph.gexf?id=${encodeURIComponent(options.id)}&depth=1`, download: true }, 'GEXF'),
    ),
    options.body,
  );
  return { title: options.title, content };
}
