// Interactive neighbourhood of a node (sigma.js over graphology): colours by
// type, click a node to select it (then expand or open it), double-click to
// expand, relationship-type filters, and a path finder from the centre.
// Everything the canvas shows is also listed as buttons, for the keyboard.
import { MultiDirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { colourOf as colourForType } from '../../../src/graph/model.js';
import { ApiError, graphql } from '../api.js';
import { emptyNote, h } from '../dom.js';
import { GraphModel, type DisplayGraph, type EdgeAttributes, type NodeAttributes, type PlainEdge, type PlainNode, type PlainSubgraph } from '../graph/model.js';
import { graphHref, hrefForNode, type GraphState } from '../routes.js';
import type { RenderedView, ViewContext } from './view.js';

const NEIGHBOURHOOD_QUERY = `
query Neighbourhood($id: ID!, $depth: Int!) {
  neighborhood(id: $id, depth: $depth) { nodes { id: nodeId type label } edges { id: relationshipId source target type } }
}`;

const PATHS_QUERY = `
query Paths($from: ID!, $to: ID!) {
  paths(from: $from, to: $to, maxLength: 4, first: 3) {
    length
    nodes { id: nodeId type label }
    relationships { id: relationshipId source target type }
  }
}`;

const FIND_QUERY = `
query Find($q: String!) {
  search(query: $q, first: 8) { type node { id } snippet }
}`;

interface GraphPath {
  length: number;
  nodes: PlainNode[];
  relationships: PlainEdge[];
}

async function neighbourhood(context: ViewContext, id: string, depth: number): Promise<PlainSubgraph> {
  const data = await graphql<{ neighborhood: PlainSubgraph }>(NEIGHBOURHOOD_QUERY, { id, depth }, context.signal);
  return data.neighborhood;
}

function stripMarks(text: string): string {
  return text.replace(/<\/?mark>/g, '');
}

export async function renderGraph(context: ViewContext, initial: GraphState): Promise<RenderedView> {
  const state: GraphState = { ...initial, expand: [...initial.expand], hide: [...initial.hide] };
  const model = new GraphModel();
  const centre = await neighbourhood(context, state.id, state.depth);
  if (!centre.nodes.some((node) => node.id === state.id)) throw new ApiError(`There is no node with id “${state.id}”.`);
  model.merge(centre);
  const expansions = await Promise.all(state.expand.map((id) => neighbourhood(context, id, 1).catch(() => null)));
  expansions.forEach((subgraph, index) => subgraph && model.merge(subgraph, state.expand[index]));
  let paths: GraphPath[] = [];
  let pathError: string | null = null;
  if (state.to) {
    try {
      paths = (await graphql<{ paths: GraphPath[] }>(PATHS_QUERY, { from: state.id, to: state.to }, context.signal)).paths;
    } catch (error) {
      pathError = error instanceof Error ? error.message : String(error);
    }
    for (const path of paths) model.merge({ nodes: path.nodes, edges: path.relationships });
    model.markPath(paths.flatMap((path) => path.relationships.map((edge) => edge.id)));
  }
  model.layout();

  const display: DisplayGraph = new MultiDirectedGraph();
  let renderer: Sigma<NodeAttributes, EdgeAttributes> | null = null;
  let selected: string | null = null;
  const centreLabel = model.all.getNodeAttribute(state.id, 'label');

  const canvas = h('div', { class: 'graph-canvas', 'aria-hidden': 'true' });
  const status = h('p', { class: 'graph-status', role: 'status' });
  const selection = h('section', { class: 'panel-block selection', 'aria-label': 'Selected node' });
  const filters = h('fieldset', { class: 'panel-block filters' });
  const legend = h('section', { class: 'panel-block legend', 'aria-label': 'Node types' });
  const nodeList = h('section', { class: 'panel-block node-list', 'aria-label': 'Nodes in the view' });

  const keep = (): Set<string> => new Set([state.id, ...state.expand, ...(state.to ? [state.to] : [])]);
  const syncUrl = (): void => context.replaceUrl(graphHref(state));

  function refresh(): void {
    model.project(display, new Set(state.hide), keep());
    if (selected && display.hasNode(selected)) display.setNodeAttribute(selected, 'size', display.getNodeAttribute(selected, 'size') + 3);
    status.textContent = `${display.order} nodes and ${display.size} relationships shown (${model.all.order} loaded).`;
    renderFilters();
    renderLegend();
    renderNodeList();
    renderSelection();
    renderer?.refresh();
  }

  async function expand(id: string): Promise<void> {
    if (state.expand.includes(id) || id === state.id) {
      select(id);
      return;
    }
    status.textContent = `Expanding ${model.all.getNodeAttribute(id, 'label')}…`;
    try {
      const added = model.merge(await neighbourhood(context, id, 1), id);
      state.expand.push(id);
      if (added.length > 0) model.layout(60);
      syncUrl();
      selected = id;
      refresh();
      status.textContent = `Expanded ${model.all.getNodeAttribute(id, 'label')}: ${added.length} new nodes. ${status.textContent}`;
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
    }
  }

  function select(id: string | null): void {
    selected = id;
    refresh();
  }

  function renderSelection(): void {
    selection.replaceChildren();
    if (!selected || !model.all.hasNode(selected)) {
      selection.append(h('h2', {}, 'Selection'), emptyNote('Click a node, or pick one in the list below.'));
      return;
    }
    const attributes = model.all.getNodeAttributes(selected);
    const id = selected;
    selection.append(
      h('h2', {}, 'Selection'),
      h('p', { class: 'selected-label' }, h('span', { class: 'swatch', style: `background:${attributes.color}` }), attributes.label),
      h('p', { class: 'muted' }, `${attributes.type} · ${id} · ${model.all.degree(id)} relationships loaded`),
      h(
        'p',
        { class: 'actions' },
        h('button', { type: 'button', class: 'expand', onclick: () => void expand(id), disabled: state.expand.includes(id) || id === state.id }, 'Expand'),
        h('a', { href: hrefForNode(id, attributes.type), class: 'button' }, 'Open page'),
        h('a', { href: graphHref({ id, depth: 1, expand: [], hide: state.hide }), class: 'button' }, 'Centre here'),
      ),
    );
  }

  function renderFilters(): void {
    filters.replaceChildren(
      h('legend', {}, 'Relationship types'),
      ...model.edgeTypes().map(([type, count]) => {
        const box = h('input', { type: 'checkbox', name: 'relationship-type', value: type, checked: !state.hide.includes(type) });
        box.addEventListener('change', () => {
          state.hide = box.checked ? state.hide.filter((hidden) => hidden !== type) : [...state.hide, type];
          syncUrl();
          refresh();
        });
        return h('label', {}, box, ` ${type} `, h('span', { class: 'count' }, String(count)));
      }),
    );
  }

  function renderLegend(): void {
    legend.replaceChildren(
      h('h2', {}, 'Node types'),
      h(
        'ul',
        { class: 'legend-list' },
        model.nodeTypes().map(([type, count]) => h('li', {}, h('span', { class: 'swatch', style: `background:${colourForType(type)}` }), ` ${type} `, h('span', { class: 'count' }, String(count)))),
      ),
    );
  }

  function renderNodeList(): void {
    const nodes = display.mapNodes((id, attributes) => ({ id, ...attributes })).sort((left, right) => left.type.localeCompare(right.type) || left.label.localeCompare(right.label));
    nodeList.replaceChildren(
      h('h2', {}, `Nodes (${nodes.length})`),
      h(
        'ul',
        {},
        nodes.map((node) =>
          h(
            'li',
            {},
            h(
              'button',
              { type: 'button', class: 'node-button', 'data-node': node.id, 'aria-pressed': node.id === selected ? 'true' : 'false', onclick: () => select(node.id) },
              h('span', { class: 'swatch', style: `background:${node.color}` }),
              node.label,
            ),
          ),
        ),
      ),
    );
  }

  const pathForm = buildPathFinder(context, state, paths, pathError);

  const content = h(
    'div',
    { class: 'graph-view' },
    h('h1', {}, 'Graph around ', h('a', { href: hrefForNode(state.id, model.all.getNodeAttribute(state.id, 'type')) }, centreLabel)),
    h(
      'p',
      { class: 'actions' },
      'Depth: ',
      [1, 2].map((depth) => h('a', { href: graphHref({ ...state, depth, expand: [] }), 'aria-current': depth === state.depth ? 'true' : null, class: 'button' }, String(depth))),
      h('a', { href: `/export/graph.gexf?id=${encodeURIComponent(state.id)}&depth=${state.depth}`, download: true }, 'GEXF'),
      h('a', { href: `/export/graph.graphml?id=${encodeURIComponent(state.id)}&depth=${state.depth}`, download: true }, 'GraphML'),
      h('a', { href: `/export/graph.cyjs?id=${encodeURIComponent(state.id)}&depth=${state.depth}`, download: true }, 'Cytoscape JSON'),
    ),
    status,
    h('div', { class: 'graph-layout' }, h('div', { class: 'graph-stage' }, canvas, h('p', { class: 'muted hint' }, 'Click a node to select it, double-click to expand it; drag to pan, scroll to zoom.')), h('div', { class: 'graph-panel' }, selection, pathForm, filters, legend, nodeList)),
  );
  refresh();

  return {
    title: `Graph: ${centreLabel}`,
    content,
    mounted: () => {
      try {
        const sigma = new Sigma(display, canvas, { settings: { labelRenderedSizeThreshold: 4, renderEdgeLabels: false, stagePadding: 30 } });
        renderer = sigma;
        sigma.on('clickNode', ({ node }) => select(node));
        sigma.on('doubleClickNode', ({ node, event }) => {
          event.preventSigmaDefault();
          void expand(node);
        });
        sigma.on('clickStage', () => select(null));
        canvas.setAttribute('data-ready', 'true');
      } catch (error) {
        canvas.replaceChildren(h('p', { class: 'error' }, `The graph cannot be drawn in this browser (${error instanceof Error ? error.message : String(error)}). The lists beside it still work.`));
      }
    },
    dispose: () => renderer?.kill(),
  };
}

function buildPathFinder(context: ViewContext, state: GraphState, paths: GraphPath[], pathError: string | null): HTMLElement {
  const input = h('input', { type: 'text', name: 'to', list: 'path-targets', value: state.to ?? '', placeholder: 'Node id or name', 'aria-label': 'Path to' });
  const options = h('datalist', { id: 'path-targets' });
  const found = new Map<string, string>();
  let timer: number | undefined;
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 3 || found.has(text)) return;
    timer = window.setTimeout(() => {
      graphql<{ search: Array<{ type: string; node: { id: string }; snippet: string }> }>(FIND_QUERY, { q: text }, context.signal)
        .then(({ search }) => {
          options.replaceChildren(
            ...search.map((hit) => {
              const label = `${stripMarks(hit.snippet).slice(0, 70)} (${hit.type})`;
              found.set(label, hit.node.id);
              return h('option', { value: label }, hit.node.id);
            }),
          );
        })
        .catch(() => undefined);
    }, 250);
  });
  const form = h(
    'form',
    { class: 'panel-block path-finder' },
    h('h2', {}, 'Find a path'),
    h('label', {}, 'From the centre to ', input),
    options,
    h('button', { type: 'submit' }, 'Find paths'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    const to = found.get(text) ?? text;
    if (to === '') return;
    location.hash = graphHref({ ...state, to });
  });
  if (state.to) {
    if (pathError) form.append(h('p', { class: 'error' }, pathError));
    else if (paths.length === 0) form.append(emptyNote('No path of 4 steps or fewer.'));
    else
      form.append(
        h(
          'ol',
          { class: 'paths' },
          paths.map((path) =>
            h(
              'li',
              {},
              path.nodes.map((node, index) => {
                const edge = path.relationships[index];
                const arrow = edge ? (edge.source === node.id ? ` —${edge.type}→ ` : ` ←${edge.type}— `) : '';
                return [h('a', { href: hrefForNode(node.id, node.type) }, node.label), arrow ? h('span', { class: 'muted' }, arrow) : null];
              }),
            ),
          ),
        ),
        h('a', { href: graphHref({ ...state, to: undefined }) as string }, 'Clear the path'),
      );
  }
  return form;
}
