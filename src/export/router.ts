// HTTP routes for the exports:
//   GET /export/graph.graphml | graph.gexf | graph.cyjs   whole graph, or ?id=<node id>&depth=1..3;
//       ?colour=community colours nodes by community (default: by type)
//   GET /export/practices.csv (?bom=0 to omit the UTF-8 byte-order mark) | practices.json
import cors from 'cors';
import express, { type Request, type Response } from 'express';
import type { Driver } from 'neo4j-driver';
import { readCurrentDataset } from '../graph/dataset.js';
import { labelOfId } from '../graph/model.js';
import type { CircuitBreaker } from '../graph/circuit-breaker.js';
import { isUnavailableError, Neo4jGraphReader, type GraphReader } from '../graph/reader.js';
import { ALL_PROPERTIES, MAX_NEIGHBOURHOOD_DEPTH, MIN_NEIGHBOURHOOD_DEPTH, readNeighbourhood, readWholeGraph } from '../graph/subgraph.js';
import { GDS_PLUGIN } from '../analytics/definitions.js';
import { parseColourMode } from './analytics.js';
import { toCytoscapeJson } from './cytoscape.js';
import { readExportAnalytics, toExportGraph, type ExportGraph, type WriteOptions } from './export-graph.js';
import { toGexf } from './gexf.js';
import { toGraphML } from './graphml.js';
import { LayoutCache, type Layout } from './layout.js';
import { PRACTICE_CSV_COLUMNS, practiceRowToCells, readPracticeTable } from './practice-table.js';
import { toCsv } from './csv.js';

export interface ExportRouterOptions {
  driver: Driver;
  database?: string | undefined;
  /** Give up on one read after this long and answer 503 (default 10 s), as the GraphQL API does. */
  queryTimeoutMs?: number | undefined;
  /** The process's circuit breaker: exports fail at once while Neo4j is down, as GraphQL reads do. */
  breaker?: CircuitBreaker | undefined;
}

class BadRequestError extends Error {}

/** A request the data cannot answer as asked (community colours without community figures). */
class ConflictError extends Error {}

/** The requested centre node does not exist. */
export class UnknownNodeError extends Error {
  constructor(readonly nodeId: string) {
    super(`No node with id "${nodeId}" in the graph`);
    this.name = 'UnknownNodeError';
  }
}

/** Validates a depth given as a query-string value; returns an error message or the depth. */
export function parseDepth(raw: unknown): number | string {
  const message = `depth must be an integer from ${MIN_NEIGHBOURHOOD_DEPTH} to ${MAX_NEIGHBOURHOOD_DEPTH}`;
  if (raw === undefined || raw === '') return MIN_NEIGHBOURHOOD_DEPTH;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) return message;
  const depth = Number(raw);
  if (depth < MIN_NEIGHBOURHOOD_DEPTH || depth > MAX_NEIGHBOURHOOD_DEPTH) return message;
  return depth;
}

interface GraphFormat {
  extension: string;
  contentType: string;
  /** True when the format carries node positions and sizes (the layout is computed once per dataset version). */
  laidOut?: boolean;
  write(graph: ExportGraph, layout: Layout, options: WriteOptions): string;
}

const GRAPH_FORMATS: GraphFormat[] = [
  { extension: 'graphml', contentType: 'application/graphml+xml; charset=utf-8', write: (graph, _layout, options) => toGraphML(graph, options) },
  { extension: 'gexf', contentType: 'application/gexf+xml; charset=utf-8', laidOut: true, write: toGexf },
  { extension: 'cyjs', contentType: 'application/json; charset=utf-8', write: (graph, _layout, options) => JSON.stringify(toCytoscapeJson(graph, options)) },
];

function single(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new BadRequestError(`${name} must be given once`);
  return value;
}

function writeOptions(request: Request): WriteOptions {
  const colour = parseColourMode(single(request.query['colour'], 'colour'));
  if (typeof colour !== 'string') throw new BadRequestError(colour.error);
  return { colour };
}

/** The requested graph with the figures of its nodes (the same reader: one more round trip, two statements run together). */
async function readRequestedGraph(reader: GraphReader, request: Request): Promise<ExportGraph> {
  const graph = await readRequestedSubgraph(reader, request);
  return { ...graph, analytics: await readExportAnalytics(reader, graph) };
}

async function readRequestedSubgraph(reader: GraphReader, request: Request): Promise<ExportGraph> {
  const id = single(request.query['id'], 'id');
  const rawDepth = single(request.query['depth'], 'depth');
  if (id === undefined) {
    if (rawDepth !== undefined) throw new BadRequestError('depth needs an id: ?id=<node id>&depth=1..3');
    return toExportGraph(await readWholeGraph(reader, ALL_PROPERTIES), { kind: 'whole' });
  }
  if (id.trim() === '') throw new BadRequestError('id must not be empty');
  const depth = parseDepth(rawDepth);
  if (typeof depth === 'string') throw new BadRequestError(depth);
  if (labelOfId(id) === null) throw new UnknownNodeError(id);
  const subgraph = await readNeighbourhood(reader, id, depth, null, ALL_PROPERTIES);
  if (subgraph.nodes.length === 0) throw new UnknownNodeError(id);
  return toExportGraph(subgraph, { kind: 'neighbourhood', centre: id, depth });
}

/** A file name that says what the file holds, e.g. nexus-graph-gp-17-depth-2.gexf. */
function fileName(graph: ExportGraph, extension: string): string {
  if (graph.scope.kind === 'whole') return `nexus-graph.${extension}`;
  const centre = graph.scope.centre.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `nexus-graph-${centre}-depth-${graph.scope.depth}.${extension}`;
}

function sendError(response: Response, error: unknown): void {
  if (error instanceof BadRequestError) {
    response.status(400).json({ error: error.message });
  } else if (error instanceof UnknownNodeError) {
    response.status(404).json({ error: error.message });
  } else if (error instanceof ConflictError) {
    response.status(409).json({ error: error.message });
  } else if (isUnavailableError(error)) {
    response.status(503).set('retry-after', '5').json({ error: 'The graph database is unavailable; try again shortly' });
  } else {
    response.status(500).json({ error: 'The export failed' });
  }
}

export function createExportRouter(options: ExportRouterOptions): express.Router {
  // One reader per export: the same read transactions, timeout and outage handling as the GraphQL API.
  const reader = (): GraphReader =>
    new Neo4jGraphReader({ driver: options.driver, database: options.database, timeoutMs: options.queryTimeoutMs, breaker: options.breaker });
  const router = express.Router();
  const layouts = new LayoutCache(
    async () => (await readCurrentDataset(reader()))?.version ?? null,
    async () => toExportGraph(await readWholeGraph(reader(), ALL_PROPERTIES), { kind: 'whole' }),
  );
  // Browser apps on other origins may fetch the exports (no credentials involved).
  router.use('/export', cors<cors.CorsRequest>({ exposedHeaders: ['content-disposition', 'etag'], maxAge: 600 }));

  for (const format of GRAPH_FORMATS) {
    router.get(`/export/graph.${format.extension}`, async (request, response) => {
      try {
        const writing = writeOptions(request);
        const graph = await readRequestedGraph(reader(), request);
        if (writing.colour === 'community' && !graph.analytics) {
          throw new ConflictError(
            `colour=community needs the network analytics, which this database does not hold for the current dataset (they are computed by the Neo4j Graph Data Science plugin, ${GDS_PLUGIN})`,
          );
        }
        const layout = format.laidOut ? await layouts.get() : new Map();
        // attachment() sets a type from the extension: set ours after it.
        response
          .status(200)
          .attachment(fileName(graph, format.extension))
          .type(format.contentType)
          .send(format.write(graph, layout, writing));
      } catch (error) {
        sendError(response, error);
      }
    });
  }

  router.get('/export/practices.csv', async (request, response) => {
    try {
      const bom = single(request.query['bom'], 'bom');
      if (bom !== undefined && bom !== '0' && bom !== '1') throw new BadRequestError('bom must be 0 or 1');
      const rows = await readPracticeTable(reader());
      response
        .status(200)
        .attachment('nexus-practices.csv')
        .type('text/csv; charset=utf-8')
        .send(toCsv(PRACTICE_CSV_COLUMNS, rows.map(practiceRowToCells), { bom: bom !== '0' }));
    } catch (error) {
      sendError(response, error);
    }
  });

  router.get('/export/practices.json', async (_request, response) => {
    try {
      const rows = await readPracticeTable(reader());
      response.status(200).type('application/json; charset=utf-8').send(JSON.stringify({ practices: rows }, null, 2));
    } catch (error) {
      sendError(response, error);
    }
  });

  return router;
}
