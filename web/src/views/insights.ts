// Insights: the network analytics of the toolkit as charts a researcher reads
// at a glance: the most central actors, instruments and practices, the practice
// communities, the area × actor-category matrix and the instrument co-citations.
// Every chart names the run that computed it and can be downloaded.
import * as Plot from '@observablehq/plot';
import { colourOf, displayLabelOf } from '../../../src/graph/model.js';
import { ANALYTICS_UNAVAILABLE, MEASURE_INFO, communityColour, formatScore, provenanceText, shortVersion, describeParameters, type AnalyticsRun } from '../analytics.js';
import { ApiError, graphql } from '../api.js';
import { GraphModel } from '../graph/model.js';
import { PLOT_CLASS, chartFigure, dataTable, shortLabel, textWidth, uniqueLabels } from '../charts.js';
import { emptyNote, h, section, type Children } from '../dom.js';
import { entityHref, graphHref, insightsHref, MEASURES, practiceHref, type Measure } from '../routes.js';
import type { RenderedView, ViewContext } from './view.js';

/** Bars per centrality chart. */
const TOP = 15;
/** Instruments in the co-citation network and matrix (those with the most co-citations). */
const MATRIX_INSTRUMENTS = 20;

const INSIGHTS_QUERY = `
query Insights($measure: CentralityMeasure!) {
  analytics {
    datasetVersion
    runs { analysis description algorithm parameters projection datasetVersion gdsVersion computedAt statistics }
    actors: centrality(measure: $measure, type: ACTOR, first: ${TOP}) { ...Score }
    instruments: centrality(measure: $measure, type: INSTRUMENT, first: ${TOP}) { ...Score }
    practices: centrality(measure: $measure, type: GOOD_PRACTICE, first: 10) { ...Score }
    communities { number size practices { number title } actors { id name } instruments { ...InstrumentName } run { ...Run } }
    coCitation(first: 500) { instrument { ...InstrumentName } coCited { ...InstrumentName } weight practices { number } run { ...Run } }
    areaActorCategories { area { code title } category practices { number } }
  }
}
fragment InstrumentName on Instrument { id title shortName symbol }
fragment Run on AnalyticsRun { analysis description algorithm parameters datasetVersion gdsVersion computedAt }
fragment Score on CentralityScore {
  score rank
  node { __typename id ... on Actor { name category } ... on Instrument { title shortName symbol } ... on GoodPractice { number title } }
  run { ...Run }
}`;

interface InstrumentName {
  id: string;
  title: string;
  shortName: string | null;
  symbol: string | null;
}

interface Score {
  score: number;
  rank: number;
  node: { __typename: string; id: string; name?: string; category?: string; title?: string; shortName?: string | null; symbol?: string | null; number?: number };
  run: AnalyticsRun;
}

interface InsightsData {
  analytics: {
    datasetVersion: string;
    runs: Array<AnalyticsRun & { projection: unknown; statistics: unknown }>;
    actors: Score[];
    instruments: Score[];
    practices: Score[];
    communities: Array<{
      number: number;
      size: number;
      practices: Array<{ number: number; title: string }>;
      actors: Array<{ id: string; name: string }>;
      instruments: InstrumentName[];
      run: AnalyticsRun;
    }>;
    coCitation: Array<{ instrument: InstrumentName; coCited: InstrumentName; weight: number; practices: Array<{ number: number }>; run: AnalyticsRun }>;
    areaActorCategories: Array<{ area: { code: string; title: string }; category: string; practices: Array<{ number: number }> }>;
  };
}

const instrumentLabel = (instrument: InstrumentName): string => displayLabelOf('Instrument', instrument.id, instrument as unknown as Record<string, unknown>);

/** A label for a crowded drawing: the short name, a short title, the UN symbol, else the title cut at a word. */
function compactInstrumentLabel(instrument: InstrumentName, max = 44): string {
  if (instrument.shortName) return shortLabel(instrument.shortName, max);
  if (instrument.title.length <= max) return instrument.title;
  return instrument.symbol ?? shortLabel(instrument.title, max - 8);
}

function nodeName(node: Score['node']): string {
  if (node.__typename === 'GoodPractice') return `GP ${node.number}: ${node.title ?? ''}`;
  if (node.__typename === 'Instrument') return instrumentLabel(node as InstrumentName);
  return node.name ?? node.id;
}

function nodeHref(node: Score['node']): string {
  if (node.__typename === 'GoodPractice' && node.number !== undefined) return practiceHref(node.number);
  if (node.__typename === 'Instrument') return entityHref('instrument', node.id);
  if (node.__typename === 'Actor') return entityHref('actor', node.id);
  return graphHref({ id: node.id, depth: 1, expand: [], hide: [] });
}

function provenance(run: AnalyticsRun | undefined, what: string): Children {
  if (!run) return emptyNote('No run computed these figures.');
  return [
    h('strong', {}, `${what}. `),
    provenanceText(run),
    ' ',
    h('span', { class: 'muted', title: `Dataset version ${run.datasetVersion}` }, 'Derived figures, not facts from the source.'),
  ];
}

/** A horizontal bar chart of the most central nodes of one type, each bar linking to the node's page. */
function centralityChart(key: string, typeLabel: string, type: string, scores: readonly Score[], measure: Measure): HTMLElement {
  const info = MEASURE_INFO[measure];
  if (scores.length === 0) return emptyNote(`No ${typeLabel.toLowerCase()} has a ${info.label} score.`);
  const labels = uniqueLabels(scores.map((score) => shortLabel(nodeName(score.node), 62)));
  const rows = scores.map((score, index) => ({
    label: labels[index]!,
    name: nodeName(score.node),
    score: score.score,
    rank: score.rank,
    href: nodeHref(score.node),
  }));
  const hrefByLabel = new Map(rows.map((row) => [row.label, row.href]));
  const marginLeft = Math.min(420, textWidth(labels, 12) + 14);
  const chart = Plot.plot({
    className: PLOT_CLASS,
    width: 860,
    height: 50 + rows.length * 26,
    marginLeft,
    marginRight: 56,
    marginBottom: 42,
    x: { label: `${info.label} score →`, labelAnchor: 'center', labelOffset: 36, grid: true, nice: true },
    y: { label: null, domain: rows.map((row) => row.label) },
    marks: [
      Plot.barX(rows, { x: 'score', y: 'label', fill: colourOf(type), href: 'href', title: (row: (typeof rows)[number]) => `${row.name}\n${info.label} ${formatScore(row.score)} (rank ${row.rank} among all practices, actors and instruments)` }),
      Plot.text(rows, { x: 'score', y: 'label', text: (row: (typeof rows)[number]) => formatScore(row.score), dx: 4, textAnchor: 'start', fill: 'currentColor' }),
      Plot.axisY({ tickSize: 0, href: (label: string) => hrefByLabel.get(label) ?? null, fill: '#0b57d0' }),
      Plot.ruleX([0], { ariaHidden: 'true' }),
    ],
  });
  return chartFigure({
    key,
    description: `The ${rows.length} ${typeLabel.toLowerCase()} with the highest ${info.label} score, highest first: ${rows.slice(0, 3).map((row) => `${row.name} (${formatScore(row.score)})`).join(', ')}…`,
    chart,
    provenance: provenance(scores[0]?.run, `${info.label}: ${info.meaning}`),
    // "rank" is the node's place among all practices, actors and instruments; "position" its place in this chart.
    csv: {
      header: ['position', 'rank', 'id', 'name', 'measure', 'score'],
      rows: scores.map((score, index) => [index + 1, score.rank, score.node.id, rows[index]!.name, info.label, score.score]),
    },
    table: dataTable(
      `${typeLabel} by ${info.label}`,
      ['#', typeLabel.replace(/s$/, ''), info.label, 'Rank among all nodes'],
      rows.map((row, index) => [String(index + 1), h('a', { href: row.href }, row.name), formatScore(row.score), String(row.rank)]),
    ),
  });
}

const MEMBER_TYPES = [
  ['GoodPractice', 'practices'],
  ['Actor', 'actors'],
  ['Instrument', 'instruments'],
] as const;

function communitiesSection(communities: InsightsData['analytics']['communities']): HTMLElement[] {
  if (communities.length === 0) return [emptyNote('No community was found.')];
  const rows = communities.flatMap((community) =>
    MEMBER_TYPES.map(([type, field]) => ({ community: `Community ${community.number}`, type, count: community[field].length })),
  );
  const chart = Plot.plot({
    className: PLOT_CLASS,
    width: 760,
    height: 56 + communities.length * 28,
    marginLeft: textWidth([`Community ${communities.length}`], 12) + 14,
    marginBottom: 42,
    x: { label: 'Members →', labelAnchor: 'center', labelOffset: 36, grid: true },
    y: { label: null, domain: communities.map((community) => `Community ${community.number}`) },
    color: { domain: MEMBER_TYPES.map(([type]) => type), range: MEMBER_TYPES.map(([type]) => colourOf(type)) },
    marks: [
      Plot.barX(rows, Plot.stackX({ x: 'count', y: 'community', fill: 'type', title: (row: (typeof rows)[number]) => `${row.community}: ${row.count} ${row.type}` })),
      Plot.text(rows, Plot.stackX({ x: 'count', y: 'community', text: (row: (typeof rows)[number]) => (row.count > 1 ? String(row.count) : ''), fill: 'white', fontWeight: 'bold' })),
      Plot.ruleX([0], { ariaHidden: 'true' }),
    ],
  });
  const legend = MEMBER_TYPES.map(([type, field]) => h('span', { class: 'legend-item' }, h('span', { class: 'swatch square', style: `background:${colourOf(type)}` }), field));
  const run = communities[0]?.run;
  const figure = chartFigure({
    key: 'communities',
    description: `${communities.length} communities found by Louvain, largest first, split into practices, actors and instruments.`,
    chart,
    legend,
    provenance: provenance(run, 'Louvain communities: nodes more linked to each other than to the rest'),
    csv: {
      header: ['community', 'size', 'type', 'id', 'name'],
      rows: communities.flatMap((community) => [
        ...community.practices.map((practice) => [community.number, community.size, 'GoodPractice', `gp:${practice.number}`, `GP ${practice.number}: ${practice.title}`]),
        ...community.actors.map((actor) => [community.number, community.size, 'Actor', actor.id, actor.name]),
        ...community.instruments.map((instrument) => [community.number, community.size, 'Instrument', instrument.id, instrument.title]),
      ]),
    },
  });
  const list = h(
    'ol',
    { class: 'communities' },
    communities.map((community) =>
      h(
        'li',
        { 'data-community': community.number },
        h(
          'h3',
          {},
          h('span', { class: 'swatch', style: `background:${communityColour(community.number)}` }),
          `Community ${community.number} `,
          h('span', { class: 'count' }, `${community.size} members`),
        ),
        h('p', {}, h('strong', {}, 'Practices: '), joined(community.practices.map((practice) => h('a', { href: practiceHref(practice.number), title: practice.title }, `GP ${practice.number}`)))),
        community.actors.length > 0 ? h('p', {}, h('strong', {}, 'Actors: '), joined(community.actors.map((actor) => h('a', { href: entityHref('actor', actor.id) }, actor.name)))) : null,
        community.instruments.length > 0
          ? h('p', {}, h('strong', {}, 'Instruments: '), joined(community.instruments.map((instrument) => h('a', { href: entityHref('instrument', instrument.id), title: instrument.title }, instrumentLabel(instrument)))))
          : null,
      ),
    ),
  );
  return [figure, list];
}

function joined(items: readonly Node[]): Children {
  return items.map((item, index) => [index > 0 ? ', ' : '', item]);
}

function areaMatrix(cells: InsightsData['analytics']['areaActorCategories'], datasetVersion: string): HTMLElement {
  if (cells.length === 0) return emptyNote('No practice names an actor.');
  const areas = [...new Map(cells.map((cell) => [cell.area.code, cell.area])).values()].sort((left, right) => left.code.localeCompare(right.code));
  const categories = [...new Set(cells.map((cell) => cell.category))].sort((left, right) => left.localeCompare(right));
  const byKey = new Map(cells.map((cell) => [`${cell.area.code}\u0000${cell.category}`, cell]));
  const areaLabel = (area: { code: string; title: string }): string => `${area.code}. ${area.title}`;
  // Every combination, the empty ones too: a blank cell says "none", not "unknown".
  const rows = areas.flatMap((area) =>
    categories.map((category) => {
      const cell = byKey.get(`${area.code}\u0000${category}`);
      return { area: areaLabel(area), code: area.code, category, count: cell?.practices.length ?? 0, practices: cell?.practices.map((practice) => practice.number) ?? [] };
    }),
  );
  const highest = Math.max(1, ...rows.map((row) => row.count));
  const chart = Plot.plot({
    className: PLOT_CLASS,
    width: 760,
    height: 150 + areas.length * 44,
    marginLeft: textWidth(areas.map(areaLabel), 12) + 12,
    marginBottom: 96,
    x: { label: 'Actor category', domain: categories, tickRotate: -40, tickFormat: (category: string) => category.replace(/-/g, ' ') },
    y: { label: null, domain: areas.map(areaLabel) },
    // Sequential single-hue scale: readable with any colour-vision deficiency and in grey.
    color: { type: 'linear', scheme: 'blues', domain: [0, highest] },
    marks: [
      Plot.cell(rows, {
        x: 'category',
        y: 'area',
        fill: 'count',
        inset: 1,
        title: (row: (typeof rows)[number]) => `Area ${row.code} × ${row.category}: ${row.count} practices${row.practices.length > 0 ? ` (GP ${row.practices.join(', ')})` : ''}`,
      }),
      Plot.text(rows, { x: 'category', y: 'area', text: (row: (typeof rows)[number]) => String(row.count), fill: (row: (typeof rows)[number]) => (row.count > highest * 0.55 ? 'white' : 'black') }),
    ],
  });
  return chartFigure({
    key: 'area-actor-categories',
    description: `Practices of each of the ${areas.length} areas naming actors of each of the ${categories.length} actor categories.`,
    chart,
    provenance: [
      h('strong', {}, 'Area × actor category: the number of practices of the area naming at least one actor of the category. '),
      `Counted from the source graph (not by an algorithm), dataset version ${shortVersion(datasetVersion)}.`,
    ],
    csv: { header: ['area', 'area title', 'actor category', 'practices', 'practice numbers'], rows: rows.map((row) => [row.code, row.area.slice(row.code.length + 2), row.category, row.count, row.practices.join(' ')]) },
    table: dataTable(
      'Practices by area and actor category',
      ['Area', ...categories],
      areas.map((area) => [areaLabel(area), ...categories.map((category) => String(byKey.get(`${area.code}\u0000${category}`)?.practices.length ?? 0))]),
    ),
  });
}

type CoCitationPairs = InsightsData['analytics']['coCitation'];

/** The instruments with the most co-citations (sum of the weights of their pairs), most first, ties by id. */
function mostCoCited(pairs: CoCitationPairs, count: number): Array<{ instrument: InstrumentName; strength: number }> {
  const instruments = new Map<string, InstrumentName>();
  const strength = new Map<string, number>();
  for (const pair of pairs) {
    for (const instrument of [pair.instrument, pair.coCited]) {
      instruments.set(instrument.id, instrument);
      strength.set(instrument.id, (strength.get(instrument.id) ?? 0) + pair.weight);
    }
  }
  return [...strength.entries()]
    .sort(([leftId, left], [rightId, right]) => right - left || leftId.localeCompare(rightId))
    .slice(0, count)
    .map(([id, total]) => ({ instrument: instruments.get(id)!, strength: total }));
}

/** The co-citation network of the most co-cited instruments: a force layout, links as thick as the practices shared. */
function coCitationNetwork(pairs: CoCitationPairs): HTMLElement {
  if (pairs.length === 0) return emptyNote('No two instruments are cited by the same practice.');
  const top = mostCoCited(pairs, MATRIX_INSTRUMENTS);
  const model = new GraphModel();
  const ids = new Set(top.map((entry) => entry.instrument.id));
  const links = pairs.filter((pair) => ids.has(pair.instrument.id) && ids.has(pair.coCited.id));
  model.merge({
    nodes: top.map((entry) => ({ id: entry.instrument.id, type: 'Instrument', label: instrumentLabel(entry.instrument) })),
    edges: links.map((pair) => ({ id: `${pair.instrument.id}|${pair.coCited.id}`, source: pair.instrument.id, target: pair.coCited.id, type: 'CO_CITED' })),
  });
  model.layout(300, 'force');
  const position = (id: string): { x: number; y: number } => model.all.getNodeAttributes(id);
  const highest = Math.max(1, ...top.map((entry) => entry.strength));
  const nodes = top.map((entry, index) => ({
    ...position(entry.instrument.id),
    number: index + 1,
    label: compactInstrumentLabel(entry.instrument),
    name: instrumentLabel(entry.instrument),
    strength: entry.strength,
    radius: 4 + 10 * Math.sqrt(entry.strength / highest),
    href: entityHref('instrument', entry.instrument.id),
  }));
  const edges = links.map((pair) => {
    const from = position(pair.instrument.id);
    const to = position(pair.coCited.id);
    return { x1: from.x, y1: from.y, x2: to.x, y2: to.y, weight: pair.weight, names: `${instrumentLabel(pair.instrument)} + ${instrumentLabel(pair.coCited)}`, practices: pair.practices.map((practice) => practice.number) };
  });
  const heaviest = Math.max(1, ...edges.map((edge) => edge.weight));
  type NodeRow = (typeof nodes)[number];
  type EdgeRow = (typeof edges)[number];
  const height = 560;
  const margin = 30;
  const span = (values: number[]): [number, number] => [Math.min(...values), Math.max(...values)];
  const [bottom, topY] = span(nodes.map((node) => node.y));
  const unitsPerPixel = Math.max(topY - bottom, 1) / (height - 2 * margin - 24);
  const chart = Plot.plot({
    className: PLOT_CLASS,
    width: 860,
    height,
    margin,
    marginLeft: 110,
    marginRight: 110,
    // The drawing's own extent (the layout is bounded, not always square); room above for the top labels.
    x: { axis: null, domain: span(nodes.map((node) => node.x)) },
    y: { axis: null, domain: [bottom, topY + 24 * unitsPerPixel] },
    r: { type: 'identity' },
    marks: [
      Plot.link(edges, {
        x1: 'x1',
        y1: 'y1',
        x2: 'x2',
        y2: 'y2',
        stroke: '#6e7781',
        strokeOpacity: (edge: EdgeRow) => 0.25 + 0.6 * (edge.weight / heaviest),
        strokeWidth: (edge: EdgeRow) => 0.6 + 4 * (edge.weight / heaviest),
        title: (edge: EdgeRow) => `${edge.names}: cited together by ${edge.weight} practices (GP ${edge.practices.join(', ')})`,
      }),
      Plot.dot(nodes, { x: 'x', y: 'y', r: 'radius', fill: colourOf('Instrument'), stroke: 'white', strokeWidth: 1.5, href: 'href', title: (node: NodeRow) => `${node.name}: ${node.strength} co-citations` }),
      // Each label just above its disc (dy is one constant for a mark; the offset is in data units).
      Plot.text(nodes, { x: 'x', y: (node: NodeRow) => node.y + (node.radius + 8) * unitsPerPixel, text: 'label', href: 'href', fill: '#1f2328', stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' }),
    ],
  });
  const run = pairs[0]?.run;
  return chartFigure({
    key: 'instrument-co-citation-network',
    description: `Network of the ${nodes.length} most co-cited instruments: a link joins two instruments cited by the same practices, thicker when more practices cite both; larger discs have more co-citations.`,
    chart,
    provenance: [provenance(run, 'Instrument co-citation network'), ' Positions by a force layout (ForceAtlas2) in the page: only the links and their weights carry meaning.'],
    csv: {
      header: ['instrument', 'instrument name', 'co-cited', 'co-cited name', 'practices citing both'],
      rows: links.map((pair) => [pair.instrument.id, instrumentLabel(pair.instrument), pair.coCited.id, instrumentLabel(pair.coCited), pair.weight]),
    },
  });
}

function coCitationMatrix(pairs: CoCitationPairs): HTMLElement {
  if (pairs.length === 0) return emptyNote('No two instruments are cited by the same practice.');
  const shown = mostCoCited(pairs, MATRIX_INSTRUMENTS).map((entry) => entry.instrument);
  // Rows are labelled "1. name"; columns by the same numbers, so long titles are written once.
  const labels = uniqueLabels(shown.map((instrument, index) => `${index + 1}. ${shortLabel(instrumentLabel(instrument), 44)}`));
  const indexOf = new Map(shown.map((instrument, index) => [instrument.id, index]));
  const cells = pairs.flatMap((pair) => {
    const a = indexOf.get(pair.instrument.id);
    const b = indexOf.get(pair.coCited.id);
    if (a === undefined || b === undefined) return [];
    const common = { weight: pair.weight, practices: pair.practices.map((practice) => practice.number), names: `${instrumentLabel(pair.instrument)} + ${instrumentLabel(pair.coCited)}` };
    return [
      { row: labels[a]!, column: String(b + 1), ...common },
      { row: labels[b]!, column: String(a + 1), ...common },
    ];
  });
  const highest = Math.max(1, ...cells.map((cell) => cell.weight));
  const columns = shown.map((_instrument, index) => String(index + 1));
  const chart = Plot.plot({
    className: PLOT_CLASS,
    width: 760,
    height: 70 + shown.length * 24,
    marginLeft: Math.min(360, textWidth(labels, 12) + 12),
    marginTop: 40,
    x: { label: 'Co-cited with (row number)', domain: columns, axis: 'top' },
    y: { label: null, domain: labels },
    color: { type: 'linear', scheme: 'purples', domain: [0, highest] },
    marks: [
      Plot.frame({ stroke: '#d1d9e0', ariaHidden: 'true' }),
      Plot.cell(cells, {
        x: 'column',
        y: 'row',
        fill: 'weight',
        inset: 0.5,
        title: (cell: (typeof cells)[number]) => `${cell.names}: cited together by ${cell.weight} practices (GP ${cell.practices.join(', ')})`,
      }),
      Plot.text(cells, { x: 'column', y: 'row', text: (cell: (typeof cells)[number]) => String(cell.weight), fill: (cell: (typeof cells)[number]) => (cell.weight > highest * 0.55 ? 'white' : 'black') }),
    ],
  });
  const run = pairs[0]?.run;
  return chartFigure({
    key: 'instrument-co-citation',
    description: `Co-citation of the ${shown.length} most co-cited instruments: each cell is the number of practices citing both.`,
    chart,
    provenance: provenance(run, 'Instrument co-citation: the number of practices citing both instruments (weight of the co-citation projection)'),
    csv: {
      header: ['instrument', 'instrument name', 'co-cited', 'co-cited name', 'practices citing both', 'practice numbers'],
      rows: pairs.map((pair) => [pair.instrument.id, pair.instrument.title, pair.coCited.id, pair.coCited.title, pair.weight, pair.practices.map((practice) => practice.number).join(' ')]),
    },
    table: dataTable(
      'Instruments cited together, most shared practices first',
      ['Instrument', 'Co-cited with', 'Practices citing both'],
      pairs.slice(0, 40).map((pair) => [
        h('a', { href: entityHref('instrument', pair.instrument.id) }, instrumentLabel(pair.instrument)),
        h('a', { href: entityHref('instrument', pair.coCited.id) }, instrumentLabel(pair.coCited)),
        `${pair.weight} (${pair.practices.map((practice) => `GP ${practice.number}`).join(', ')})`,
      ]),
    ),
  });
}

/** Each analysis as it ran: procedure, parameters, the graph projection it read, what it reported. */
function runsList(runs: InsightsData['analytics']['runs']): HTMLElement {
  if (runs.length === 0) return emptyNote('No analysis has run on this dataset.');
  const record = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {});
  const listOf = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : value === undefined || value === null ? '' : String(value));
  return h(
    'ul',
    { class: 'runs' },
    runs.map((run) => {
      const projection = record(run.projection);
      const statistics = Object.entries(record(run.statistics)).filter(([, value]) => typeof value !== 'object' || value === null);
      return h(
        'li',
        { 'data-analysis': run.analysis },
        h('h3', {}, run.analysis),
        h('p', {}, run.description),
        h(
          'dl',
          { class: 'facts' },
          h('dt', {}, 'Procedure'),
          h('dd', {}, h('code', {}, run.algorithm), ` (Neo4j Graph Data Science ${run.gdsVersion})`),
          h('dt', {}, 'Parameters'),
          h('dd', {}, describeParameters(run.parameters)),
          h('dt', {}, 'Graph projection'),
          h(
            'dd',
            {},
            typeof projection['description'] === 'string' ? `${projection['description']} ` : '',
            h('span', { class: 'muted' }, `Labels ${listOf(projection['nodeLabels'])}; relationships ${listOf(projection['relationshipTypes'])}; ${listOf(projection['orientation']).toLowerCase()}${projection['weight'] ? `; weight ${listOf(projection['weight'])}` : ''}.`),
          ),
          statistics.length > 0 ? [h('dt', {}, 'Reported'), h('dd', {}, statistics.map(([name, value]) => `${name} ${typeof value === 'number' ? formatScore(value) : String(value)}`).join(', '))] : null,
          h('dt', {}, 'Computed'),
          h('dd', {}, `${run.computedAt.slice(0, 16).replace('T', ' ')} UTC on dataset version `, h('code', { title: run.datasetVersion }, shortVersion(run.datasetVersion))),
        ),
        typeof projection['cypher'] === 'string' ? h('details', {}, h('summary', {}, 'The projection in Cypher'), h('pre', { class: 'source' }, projection['cypher'])) : null,
      );
    }),
  );
}

function unavailable(message: string): RenderedView {
  return {
    title: 'Insights',
    content: h(
      'div',
      { class: 'insights' },
      h('h1', {}, 'Insights'),
      h('div', { class: 'error', role: 'alert', 'data-code': ANALYTICS_UNAVAILABLE }, h('strong', {}, 'The network analytics are not available. '), message),
      h('p', {}, 'Everything else in the explorer works: ', h('a', { href: '#/' }, 'search the practices'), ' or ', h('a', { href: graphHref({ id: 'overview', depth: 1, expand: [], hide: [] }) }, 'open the graph'), '.'),
    ),
  };
}

export async function renderInsights(context: ViewContext, measure: Measure): Promise<RenderedView> {
  let data: InsightsData;
  try {
    data = await graphql<InsightsData>(INSIGHTS_QUERY, { measure: MEASURE_INFO[measure].argument }, context.signal);
  } catch (error) {
    if (error instanceof ApiError && error.code === ANALYTICS_UNAVAILABLE) return unavailable(error.message);
    throw error;
  }
  const analytics = data.analytics;
  const info = MEASURE_INFO[measure];
  const measureSwitch = h(
    'p',
    { class: 'actions measure-switch' },
    'Centrality: ',
    MEASURES.map((each) => h('a', { href: insightsHref(each), class: 'button', 'aria-current': each === measure ? 'true' : null, 'data-measure': each }, MEASURE_INFO[each].label)),
    h('span', { class: 'muted' }, ` ${info.label}: ${info.meaning}.`),
  );
  const content = h(
    'div',
    { class: 'insights' },
    h('h1', {}, 'Insights'),
    h(
      'p',
      { class: 'lead' },
      'The structure of the toolkit as a network of its practices, the actors they name and the instruments they cite. ',
      'These are derived figures, computed by Neo4j Graph Data Science on dataset version ',
      h('code', { title: analytics.datasetVersion }, shortVersion(analytics.datasetVersion)),
      '; each chart names the algorithm and parameters that produced it.',
    ),
    h(
      'nav',
      { class: 'tabs', 'aria-label': 'Charts on this page' },
      h('a', { href: '#actors-title' }, 'Central actors'),
      h('a', { href: '#instruments-title' }, 'Central instruments'),
      h('a', { href: '#practices-title' }, 'Central practices'),
      h('a', { href: '#communities-title' }, 'Communities'),
      h('a', { href: '#matrix-title' }, 'Area × actor category'),
      h('a', { href: '#cocitation-title' }, 'Co-citation'),
      h('a', { href: '#runs-title' }, 'How it was computed'),
    ),
    measureSwitch,
    section(`Most central actors (${info.label})`, 'actors-title', centralityChart('actors', 'Actors', 'Actor', analytics.actors, measure)),
    section(`Most central instruments (${info.label})`, 'instruments-title', centralityChart('instruments', 'Instruments', 'Instrument', analytics.instruments, measure)),
    section(`Most central practices (${info.label})`, 'practices-title', centralityChart('practices', 'Practices', 'GoodPractice', analytics.practices, measure)),
    section('Practice communities', 'communities-title', h('p', { class: 'muted' }, 'Practices, actors and instruments that are more linked to each other than to the rest of the toolkit.'), communitiesSection(analytics.communities)),
    section('Area × actor category', 'matrix-title', h('p', { class: 'muted' }, 'Which kinds of actors each area of the toolkit calls on; a zero shows a category the area never names.'), areaMatrix(analytics.areaActorCategories, analytics.datasetVersion)),
    section('Instrument co-citation', 'cocitation-title', h('p', { class: 'muted' }, `Which instruments practices cite together: the ${MATRIX_INSTRUMENTS} instruments with the most co-citations; the network shows which cluster, the matrix counts the practices citing each pair.`), coCitationNetwork(analytics.coCitation), coCitationMatrix(analytics.coCitation)),
    section('How these figures were computed', 'runs-title', runsList(analytics.runs)),
  );
  // In-page links move focus to their section (the hash holds the route).
  for (const link of content.querySelectorAll<HTMLAnchorElement>('nav.tabs a')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const target = content.querySelector<HTMLElement>(link.getAttribute('href') ?? '');
      if (!target) return;
      target.setAttribute('tabindex', '-1');
      target.scrollIntoView();
      target.focus({ preventScroll: true });
    });
  }
  return { title: 'Insights', content };
}
