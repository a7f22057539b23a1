// Interactive neighbourhood of a node (sigma.js over graphology): colours and
// shapes by type (from the graph model), click a node to select it (then expand or open it), double-click to
// expand, relationship-type filters, and a path finder from the centre.
// Everything the canvas shows is also listed as buttons, for the keyboard.
import { MultiDirectedGraph } from 'graphology';
import Sigma, { DEFAULT_STYLES } from 'sigma';
import { layerFill, sdfCircle, type SDFShape } from 'sigma/rendering';
import { colourOf as colourForType, displayLabelOf, shapeOf, type NodeShape } from '../../../src/graph/model.js';
import { ANALYTICS_UNAVAILABLE, COMMUNITY_COLOURS, MEASURE_INFO, OTHER_COMMUNITY_COLOUR, communityColour, formatScore, provenanceText, type AnalyticsRun } from '../analytics.js';
import { ApiError, graphql } from '../api.js';
import { emptyNote, h } from '../dom.js';
import { applyAnalyticsStyle, type NodeFigures } from '../graph/analytics.js';
import { GraphModel, type DisplayGraph, type EdgeAttributes, type NodeAttributes, type PlainEdge, type PlainNode, type PlainSubgraph } from '../graph/model.js';
import { downloadPng, downloadText } from '../download.js';
import { toCytoscape, toGexf, toGraphML, toSvg } from '../graph/export-visible.js';
import { inradiusOf, polygonShapeGlsl, SHAPE_NAMES, SHAPE_OUTLINES, shapeIcon } from '../graph/shapes.js';
import { graphHref, hrefForNode, insightsHref, MEASURES, type GraphState } from '../routes.js';
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

/** The graph view's id for the overview of the whole toolkit (not a node id: it has no colon). */
export const OVERVIEW_ID = 'overview';

const OVERVIEW_QUERY = `
query Overview {
  goodPractices(first: 50) {
    nodes { id number title actors { actor { id name } } citations { instrument { id title shortName symbol } } }
  }
}`;

interface OverviewData {
  goodPractices: {
    nodes: Array<{
      id: string;
      number: number;
      title: string;
      actors: Array<{ actor: { id: string; name: string } }>;
      citations: Array<{ instrument: { id: string; title: string; shortName: string | null; symbol: string | null } }>;
    }>;
  };
}

/** Every practice with the actors it names and the instruments it cites, labelled as the graph model labels them. */
async function overviewSubgraph(context: ViewContext): Promise<PlainSubgraph> {
  const data = await graphql<OverviewData>(OVERVIEW_QUERY, {}, context.signal);
  const nodes = new Map<string, PlainNode>();
  const edges = new Map<string, PlainEdge>();
  for (const practice of data.goodPractices.nodes) {
    nodes.set(practice.id, { id: practice.id, type: 'GoodPractice', label: displayLabelOf('GoodPractice', practice.id, practice as unknown as Record<string, unknown>) });
    for (const { actor } of practice.actors) {
      nodes.set(actor.id, { id: actor.id, type: 'Actor', label: displayLabelOf('Actor', actor.id, actor as unknown as Record<string, unknown>) });
      const id = `${practice.id}-MENTIONS_ACTOR-${actor.id}`;
      edges.set(id, { id, source: practice.id, target: actor.id, type: 'MENTIONS_ACTOR' });
    }
    for (const { instrument } of practice.citations) {
      nodes.set(instrument.id, { id: instrument.id, type: 'Instrument', label: displayLabelOf('Instrument', instrument.id, instrument as unknown as Record<string, unknown>) });
      const id = `${practice.id}-CITES-${instrument.id}`;
      edges.set(id, { id, source: practice.id, target: instrument.id, type: 'CITES' });
    }
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** Every shape of the graph model as a sigma node shape: the circle built in, the others as polygons. */
function sigmaShapes(): SDFShape[] {
  return SHAPE_NAMES.map((shape: NodeShape) => {
    if (shape === 'circle') return sdfCircle();
    const outline = SHAPE_OUTLINES[shape];
    return { name: shape, glsl: polygonShapeGlsl(shape, outline), uniforms: [], inradiusFactor: inradiusOf(outline) };
  });
}

// Every practice, actor and instrument of the analytics graph (74 actors, 54
// instruments and 25 practices in the toolkit: within the 100 a list may hold).
const GRAPH_ANALYTICS_QUERY = `
query GraphAnalytics($measure: CentralityMeasure!, $sized: Boolean!, $coloured: Boolean!) {
  analytics {
    practices: centrality(measure: $measure, type: GOOD_PRACTICE, first: 100) @include(if: $sized) { ...Figure }
    actors: centrality(measure: $measure, type: ACTOR, first: 100) @include(if: $sized) { ...Figure }
    instruments: centrality(measure: $measure, type: INSTRUMENT, first: 100) @include(if: $sized) { ...Figure }
    communities @include(if: $coloured) { number practices { id } actors { id } instruments { id } run { ...Run } }
  }
}
fragment Figure on CentralityScore { score rank node { id } run { ...Run } }
fragment Run on AnalyticsRun { analysis algorithm parameters datasetVersion gdsVersion computedAt description }`;

interface FigureData {
  score: number;
  rank: number;
  node: { id: string };
  run: AnalyticsRun;
}

interface GraphAnalyticsData {
  analytics: {
    practices?: FigureData[];
    actors?: FigureData[];
    instruments?: FigureData[];
    communities?: Array<{ number: number; practices: Array<{ id: string }>; actors: Array<{ id: string }>; instruments: Array<{ id: string }>; run: AnalyticsRun }>;
  };
}

interface LoadedFigures extends NodeFigures {
  scoreRun?: AnalyticsRun;
  communityRun?: AnalyticsRun;
  communityCount: number;
}

/** The figures the chosen size and colour need; a message instead when the analytics cannot be had. */
async function graphFigures(context: ViewContext, state: GraphState): Promise<LoadedFigures | string> {
  try {
    const { analytics } = await graphql<GraphAnalyticsData>(
      GRAPH_ANALYTICS_QUERY,
      { measure: MEASURE_INFO[state.size ?? 'pagerank'].argument, sized: state.size !== undefined, coloured: state.colour === 'community' },
      context.signal,
    );
    const figures = [...(analytics.practices ?? []), ...(analytics.actors ?? []), ...(analytics.instruments ?? [])];
    const communities = new Map<string, number>();
    for (const community of analytics.communities ?? []) {
      for (const member of [...community.practices, ...community.actors, ...community.instruments]) communities.set(member.id, community.number);
    }
    return {
      scores: new Map(figures.map((figure) => [figure.node.id, { score: figure.score, rank: figure.rank }])),
      communities,
      communityCount: analytics.communities?.length ?? 0,
      ...(figures[0] ? { scoreRun: figures[0].run } : {}),
      ...(analytics.communities?.[0] ? { communityRun: analytics.communities[0].run } : {}),
    };
  } catch (error) {
    if (context.signal.aborted) throw error;
    if (error instanceof ApiError && error.code === ANALYTICS_UNAVAILABLE) return error.message;
    return `The analytics could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function stripMarks(text: string): string {
  return text.replace(/<\/?mark>/g, '');
}

export async function renderGraph(context: ViewContext, initial: GraphState): Promise<RenderedView> {
  const state: GraphState = { ...initial, expand: [...initial.expand], hide: [...initial.hide] };
  const model = new GraphModel();
  const overview = state.id === OVERVIEW_ID;
  const centre = overview ? await overviewSubgraph(context) : await neighbourhood(context, state.id, state.depth);
  if (!overview && !centre.nodes.some((node) => node.id === state.id)) throw new ApiError(`There is no node with id “${state.id}”.`);
  model.merge(centre);
  const expansions = await Promise.all(state.expand.map((id) => neighbourhood(context, id, 1).catch(() => null)));
  expansions.forEach((subgraph, index) => subgraph && model.merge(subgraph, state.expand[index]));
  let paths: GraphPath[] = [];
  let pathError: string | null = null;
  if (state.to) {
    try {
      paths = (await graphql<{ paths: GraphPath[] }>(PATHS_QUERY, { from: state.from ?? state.id, to: state.to }, context.signal)).paths;
    } catch (error) {
      pathError = error instanceof Error ? error.message : String(error);
    }
    for (const path of paths) model.merge({ nodes: path.nodes, edges: path.relationships });
    model.markPath(paths.flatMap((path) => path.relationships.map((edge) => edge.id)));
  }
  model.layout(120, state.layout ?? 'force');
  const analysed = state.size !== undefined || state.colour !== undefined;
  const loaded = analysed ? await graphFigures(context, state) : null;
  const figures = loaded && typeof loaded !== 'string' ? loaded : null;
  const restyle = (): void => {
    if (figures) applyAnalyticsStyle(model.all, figures, { sizeByScore: state.size !== undefined, colourByCommunity: state.colour === 'community' });
  };
  restyle();

  const display: DisplayGraph = new MultiDirectedGraph();
  let renderer: Sigma<NodeAttributes, EdgeAttributes> | null = null;
  let selected: string | null = null;
  const centreLabel = overview ? 'the whole toolkit: practices, actors and instruments' : model.all.getNodeAttribute(state.id, 'label');

  const canvas = h('div', { class: 'graph-canvas', 'aria-hidden': 'true' });
  const status = h('p', { class: 'graph-status', role: 'status' });
  const selection = h('section', { class: 'panel-block selection', 'aria-label': 'Selected node' });
  const filters = h('fieldset', { class: 'panel-block filters relationship-types' });
  const legend = h('fieldset', { class: 'panel-block filters legend node-types' });
  const nodeList = h('section', { class: 'panel-block node-list', 'aria-label': 'Nodes in the view' });
  const analyticsLegend = analysed ? h('section', { class: 'panel-block graph-analytics', 'aria-labelledby': 'graph-analytics-title' }) : null;

  const keep = (): Set<string> => new Set([state.id, ...state.expand, ...(state.to ? [state.to] : []), ...(state.from ? [state.from] : [])]);
  const syncUrl = (): void => context.replaceUrl(graphHref(state));

  function refresh(): void {
    // Enter on a node button re-renders the list: focus goes back to the same node.
    const focusedNode = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('.node-button')?.dataset['node'];
    model.project(display, new Set(state.hide), keep(), new Set(state.hideTypes ?? []));
    if (selected && display.hasNode(selected)) display.setNodeAttribute(selected, 'size', display.getNodeAttribute(selected, 'size') + 3);
    status.textContent = `${display.order} nodes and ${display.size} relationships shown (${model.all.order} loaded).`;
    renderFilters();
    renderLegend();
    renderNodeList();
    renderSelection();
    renderAnalyticsLegend();
    if (focusedNode) nodeList.querySelector<HTMLElement>(`.node-button[data-node="${CSS.escape(focusedNode)}"]`)?.focus();
    applyLabelDensity();
    renderer?.refresh();
    recordDrawnShapes();
  }

  /** The shape sigma draws for each node type shown (for tests and bug reports), read from the renderer itself. */
  function recordDrawnShapes(): void {
    if (!renderer) return;
    const drawn = new Map<string, string>();
    display.forEachNode((id, attributes) => {
      if (drawn.has(attributes.type)) return;
      const shape = renderer?.getNodeDisplayData(id)?.shape;
      if (shape) drawn.set(attributes.type, shape);
    });
    canvas.dataset['drawnShapes'] = [...drawn].map(([type, shape]) => `${type}:${shape}`).sort().join(' ');
  }

  /** Fewer, larger-spaced labels on big views, so they stay readable (250+ nodes). */
  function applyLabelDensity(): void {
    if (!renderer) return;
    const crowded = display.order > 250 ? 2 : display.order > 100 ? 1 : 0;
    renderer.setSetting('labelDensity', [1, 0.6, 0.3][crowded]!);
    renderer.setSetting('labelGridCellSize', [60, 100, 160][crowded]!);
    renderer.setSetting('labelRenderedSizeThreshold', [4, 6, 8][crowded]!);
    canvas.dataset['labelDensity'] = String([1, 0.6, 0.3][crowded]);
  }

  async function expand(id: string): Promise<void> {
    if (state.expand.includes(id) || id === state.id) {
      select(id);
      return;
    }
    status.textContent = `Expanding ${model.all.getNodeAttribute(id, 'label')}…`;
    try {
      const added = model.merge(await neighbourhood(context, id, 1), id);
      restyle();
      state.expand.push(id);
      if (added.length > 0) model.layout(60, state.layout ?? 'force');
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
      h('p', { class: 'selected-label' }, shapeIcon(attributes.shape, attributes.color), ' ', attributes.label),
      h('p', { class: 'muted' }, `${attributes.type} · ${id} · ${model.all.degree(id)} relationships loaded`),
      figureLine(id),
      h(
        'p',
        { class: 'actions' },
        h('button', { type: 'button', class: 'expand', onclick: () => void expand(id), disabled: state.expand.includes(id) || id === state.id }, 'Expand'),
        h('a', { href: hrefForNode(id, attributes.type), class: 'button' }, 'Open page'),
        h('a', { href: graphHref({ id, depth: 1, expand: [], hide: state.hide }), class: 'button' }, 'Centre here'),
      ),
    );
  }

  /** The selected node's score and community, when they are shown. */
  function figureLine(id: string): HTMLElement | string {
    if (!figures) return '';
    const parts: string[] = [];
    const scored = figures.scores.get(id);
    if (state.size) parts.push(scored ? `${MEASURE_INFO[state.size].label} ${formatScore(scored.score)} (rank ${scored.rank})` : `No ${MEASURE_INFO[state.size].label} score`);
    const community = figures.communities.get(id);
    if (state.colour === 'community') parts.push(community !== undefined ? `community ${community}` : 'in no community');
    return h('p', { class: 'muted figures' }, parts.join(' · '));
  }

  /** What size and colour mean, and where the figures come from. */
  function renderAnalyticsLegend(): void {
    if (!analyticsLegend) return;
    analyticsLegend.replaceChildren(h('h2', { id: 'graph-analytics-title' }, 'Size and colour'));
    if (typeof loaded === 'string') {
      analyticsLegend.append(h('p', { class: 'error', role: 'alert', 'data-code': ANALYTICS_UNAVAILABLE }, loaded), h('p', { class: 'muted' }, 'Nodes keep the size and colour of their type.'));
      return;
    }
    if (!figures) return;
    const shown = display.mapNodes((id) => id);
    if (state.size) {
      const info = MEASURE_INFO[state.size];
      const scored = shown.filter((id) => figures.scores.has(id)).length;
      analyticsLegend.append(
        h('p', {}, h('strong', {}, 'Size: '), `${info.label} score, the disc's area grows with it (${info.meaning}). `, `${scored} of the ${shown.length} nodes shown have a score; the others keep the size of their type.`),
        figures.scoreRun ? h('p', { class: 'muted small' }, provenanceText(figures.scoreRun)) : '',
      );
    }
    if (state.colour === 'community') {
      const counts = new Map<number, number>();
      for (const id of shown) {
        const community = figures.communities.get(id);
        if (community !== undefined) counts.set(community, (counts.get(community) ?? 0) + 1);
      }
      const numbers = [...counts.keys()].sort((left, right) => left - right);
      const named = numbers.filter((number) => number <= COMMUNITY_COLOURS.length);
      const others = numbers.filter((number) => number > COMMUNITY_COLOURS.length);
      analyticsLegend.append(
        h('p', {}, h('strong', {}, 'Colour: '), `Louvain community (${figures.communityCount} in all, numbered by size). Nodes in no community keep the colour of their type.`),
        h(
          'ul',
          { class: 'legend-list community-legend' },
          named.map((number) => h('li', { 'data-community': number }, h('span', { class: 'swatch', style: `background:${communityColour(number)}` }), `Community ${number} `, h('span', { class: 'count' }, String(counts.get(number))))),
          others.length > 0
            ? h('li', {}, h('span', { class: 'swatch', style: `background:${OTHER_COMMUNITY_COLOUR}` }), `Communities ${others.join(', ')} `, h('span', { class: 'count' }, String(others.reduce((sum, number) => sum + (counts.get(number) ?? 0), 0))))
            : null,
        ),
        figures.communityRun ? h('p', { class: 'muted small' }, provenanceText(figures.communityRun)) : '',
      );
    }
    analyticsLegend.append(h('p', { class: 'small' }, h('a', { href: insightsHref(state.size ?? 'pagerank') }, 'All the figures on the Insights page')));
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
    const hiddenTypes = new Set(state.hideTypes ?? []);
    legend.replaceChildren(
      h('legend', {}, 'Node types'),
      ...model.nodeTypes().map(([type, count]) => {
        const box = h('input', { type: 'checkbox', name: 'node-type', value: type, checked: !hiddenTypes.has(type) });
        box.addEventListener('change', () => {
          const next = box.checked ? (state.hideTypes ?? []).filter((hidden) => hidden !== type) : [...(state.hideTypes ?? []), type];
          if (next.length > 0) state.hideTypes = next;
          else delete state.hideTypes;
          syncUrl();
          refresh();
        });
        // The icon is named by its shape ("Actor, square"), so the legend says it to screen readers too.
        // Coloured by community, the colour no longer tells the type: the icon is the bare shape.
        const fill = state.colour === 'community' ? '#ffffff' : colourForType(type);
        return h('label', { 'data-type': type }, box, ' ', shapeIcon(shapeOf(type), fill, { label: true }), ` ${type} `, h('span', { class: 'count' }, String(count)));
      }),
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
              {
                type: 'button',
                class: 'node-button',
                'data-node': node.id,
                'data-type': node.type,
                'data-size': model.all.getNodeAttribute(node.id, 'size').toFixed(2),
                'data-score': state.size ? figures?.scores.get(node.id)?.score : null,
                'data-community': state.colour ? figures?.communities.get(node.id) : null,
                'aria-pressed': node.id === selected ? 'true' : 'false',
                onclick: () => select(node.id),
              },
              shapeIcon(node.shape, node.color),
              ' ',
              node.label,
            ),
          ),
        ),
      ),
    );
  }

  function exportButtons(): HTMLElement[] {
    const stem = `nexus-graph-${state.id.replace(/[^a-z0-9]+/gi, '-')}`;
    const files: Array<[string, string, () => string, string]> = [
      ['graphml', 'GraphML', () => toGraphML(display), 'application/graphml+xml'],
      ['gexf', 'GEXF', () => toGexf(display), 'application/gexf+xml'],
      ['cyjs', 'Cytoscape JSON', () => toCytoscape(display), 'application/json'],
      ['svg', 'SVG', () => toSvg(display), 'image/svg+xml'],
    ];
    const buttons = files.map(([extension, label, make, type]) =>
      h('button', { type: 'button', class: 'button', 'data-export': extension, onclick: () => downloadText(`${stem}.${extension}`, make(), type) }, label),
    );
    buttons.push(h('button', { type: 'button', class: 'button', 'data-export': 'png', onclick: () => void downloadPng(`${stem}.png`, toSvg(display)) }, 'PNG'));
    return buttons;
  }

  const pathForm = buildPathFinder(context, state, paths, pathError, (id) => (model.all.hasNode(id) ? model.all.getNodeAttribute(id, 'label') : id));

  const content = h(
    'div',
    { class: 'graph-view' },
    overview
      ? h('h1', {}, 'Overview of the toolkit', h('span', { class: 'muted small' }, ` · ${model.all.order} practices, actors and instruments`))
      : h('h1', {}, 'Graph around ', h('a', { href: hrefForNode(state.id, model.all.getNodeAttribute(state.id, 'type')) }, centreLabel)),
    overview ? null : h('p', { class: 'actions' }, h('a', { href: graphHref({ id: OVERVIEW_ID, depth: 1, expand: [], hide: [] }), class: 'button' }, 'Whole-graph overview')),
    h(
      'p',
      { class: 'actions' },
      'Depth: ',
      [1, 2].map((depth) => h('a', { href: graphHref({ ...state, depth, expand: [] }), 'aria-current': depth === state.depth ? 'true' : null, class: 'button' }, String(depth))),
      ' Layout: ',
      (['force', 'circle'] as const).map((kind) =>
        h('a', { href: graphHref({ ...state, layout: kind === 'circle' ? 'circle' : undefined }), 'aria-current': (state.layout ?? 'force') === kind ? 'true' : null, class: 'button' }, kind === 'force' ? 'Force' : 'Circle'),
      ),
    ),
    h(
      'p',
      { class: 'actions analytics-controls' },
      'Size by: ',
      [undefined, ...MEASURES].map((measure) =>
        h(
          'a',
          { href: graphHref({ ...state, size: measure }), 'aria-current': state.size === measure ? 'true' : null, class: 'button', 'data-size': measure ?? 'type' },
          measure ? MEASURE_INFO[measure].label : 'Type',
        ),
      ),
      ' Colour by: ',
      ([undefined, 'community'] as const).map((colour) =>
        h('a', { href: graphHref({ ...state, colour }), 'aria-current': state.colour === colour ? 'true' : null, class: 'button', 'data-colour': colour ?? 'type' }, colour ? 'Community' : 'Type'),
      ),
    ),
    h('p', { class: 'actions export-visible' }, 'Export what is shown: ', exportButtons()),
    status,
    h('div', { class: 'graph-layout' }, h('div', { class: 'graph-stage' }, canvas, h('p', { class: 'muted hint' }, 'Click a node to select it, double-click to expand it; drag to pan, scroll to zoom.')), h('div', { class: 'graph-panel' }, selection, analyticsLegend, legend, filters, pathForm, nodeList)),
  );
  refresh();

  return {
    title: `Graph: ${centreLabel}`,
    content,
    mounted: () => {
      try {
        const sigma = new Sigma(display, canvas, {
          settings: { labelRenderedSizeThreshold: 4, renderEdgeLabels: false, stagePadding: 30 },
          primitives: { nodes: { shapes: sigmaShapes(), layers: [layerFill()] } },
          styles: { nodes: [DEFAULT_STYLES.nodes, { shape: { attribute: 'shape' } }] },
        });
        renderer = sigma;
        applyLabelDensity();
        recordDrawnShapes();
        // Where the drawing lies (for tests and bug reports): a blank canvas shows up as a huge or non-finite extent.
        const extent = Math.max(0, ...display.mapNodes((_id, attributes) => Math.max(Math.abs(attributes.x), Math.abs(attributes.y))));
        canvas.dataset['extent'] = Number.isFinite(extent) ? extent.toFixed(1) : 'NaN';
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

/** "GP 25", "gp25", "practice 25": the practice's id (the API's search reads these the same way). */
const PRACTICE_REFERENCE = /^\s*(?:good\s+practices?|practices?|gp)\s*(?:no\.?|#)?\s*(\d{1,3})\s*$/i;

/** A node id from what was typed or picked: an id, a practice reference, a picked suggestion, else the best search hit. */
async function resolveNode(context: ViewContext, text: string, picked: ReadonlyMap<string, string>): Promise<string | null> {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const reference = PRACTICE_REFERENCE.exec(trimmed);
  if (reference) return `gp:${reference[1]}`;
  const known = picked.get(trimmed);
  if (known) return known;
  if (/^[a-z]+:\S+$/.test(trimmed)) return trimmed;
  const { search } = await graphql<{ search: Array<{ node: { id: string } }> }>(FIND_QUERY, { q: trimmed }, context.signal);
  return search[0]?.node.id ?? null;
}

function buildPathFinder(context: ViewContext, state: GraphState, paths: GraphPath[], pathError: string | null, labelOf: (id: string) => string): HTMLElement {
  const found = new Map<string, string>();
  const options = h('datalist', { id: 'path-targets' });
  const field = (name: string, value: string, label: string): HTMLInputElement => {
    const input = h('input', { type: 'text', name, list: 'path-targets', value, placeholder: 'A name, “GP 25”, or a node id', 'aria-label': label });
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
    return input;
  };
  const from = field('from', state.from ? labelOf(state.from) : state.id === OVERVIEW_ID ? '' : labelOf(state.id), 'Path from');
  const to = field('to', state.to ? labelOf(state.to) : '', 'Path to');
  const message = h('p', { class: 'muted', role: 'status' });
  const form = h(
    'form',
    { class: 'panel-block path-finder' },
    h('h2', {}, 'Find a path'),
    h('label', {}, 'From ', from),
    h('label', {}, 'to ', to),
    options,
    h('button', { type: 'submit' }, 'Find paths'),
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // The centre's own label stands for the centre.
    const fromText = from.value.trim() === labelOf(state.id) ? state.id : from.value;
    void Promise.all([resolveNode(context, fromText, found), resolveNode(context, to.value, found)])
      .then(([start, end]) => {
        if (!end) {
          message.textContent = `Nothing in the toolkit matches “${to.value.trim()}”.`;
          return;
        }
        const source = start ?? state.id;
        location.hash = graphHref({ ...state, to: end, ...(source !== state.id ? { from: source } : { from: undefined }) });
      })
      .catch((error: unknown) => {
        message.textContent = error instanceof Error ? error.message : String(error);
      });
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
        h('a', { href: graphHref({ ...state, to: undefined, from: undefined }) as string }, 'Clear the path'),
      );
  }
  return form;
}
