// The one data layer's entry point: every Cypher read of a GraphQL request or
// an export goes through a GraphReader. It runs each statement in a read
// transaction (so a routing neo4j:// URI sends it to a reader), counts round
// trips, and turns an unreachable or stalled Neo4j into one clear
// SERVICE_UNAVAILABLE error within `timeoutMs` instead of the driver's long retry.
import { GraphQLError } from 'graphql';
import type { Driver, RecordShape } from 'neo4j-driver';
import { observeStatement } from '../observability/statements.js';

export type CypherParameters = Record<string, unknown>;

/** One row of a result: the columns by name. */
export interface Row<Shape extends RecordShape = RecordShape> {
  get<Key extends keyof Shape>(key: Key): Shape[Key];
}

export interface GraphReader {
  /** Cypher statements sent so far (one round trip each), plus shared reads counted for the request. */
  roundTrips: number;
  /** Records a failure seen outside `read` (e.g. a shared read): unavailability ends the request's reads too. */
  noteFailure(error: unknown): void;
  read<Shape extends RecordShape = RecordShape>(cypher: string, parameters?: CypherParameters): Promise<Row<Shape>[]>;
}

/** Neo4j cannot be reached, or did not answer in time. Sent to clients as SERVICE_UNAVAILABLE. */
export class GraphUnavailableError extends GraphQLError {
  constructor() {
    super('The graph database is unavailable; try again shortly', { extensions: { code: 'SERVICE_UNAVAILABLE' } });
    this.name = 'GraphUnavailableError';
  }
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** True for driver errors that mean Neo4j cannot be reached (as opposed to a bad query). */
export function isUnavailableError(error: unknown): boolean {
  if (error instanceof GraphUnavailableError) return true;
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error ? error.code : undefined;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  const name = 'name' in error ? error.name : undefined;
  return name === 'Neo4jUnavailableError' || name === 'QueryTimeoutError';
}

class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError';
}

export interface Neo4jGraphReaderOptions {
  driver: Driver;
  database?: string | undefined;
  /** Give up on one read after this long (default 10 s). */
  timeoutMs?: number | undefined;
}

export class Neo4jGraphReader implements GraphReader {
  roundTrips = 0;
  private readonly driver: Driver;
  private readonly database: string | undefined;
  private readonly timeoutMs: number;
  /** Set once a read found Neo4j unreachable: later reads of the same request fail at once. */
  private unavailable = false;

  constructor(options: Neo4jGraphReaderOptions) {
    this.driver = options.driver;
    this.database = options.database;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  noteFailure(error: unknown): void {
    if (isUnavailableError(error)) this.unavailable = true;
  }

  async read<Shape extends RecordShape = RecordShape>(cypher: string, parameters: CypherParameters = {}): Promise<Row<Shape>[]> {
    if (this.unavailable) throw new GraphUnavailableError();
    this.roundTrips += 1;
    const session = this.driver.session({ defaultAccessMode: 'READ', ...(this.database ? { database: this.database } : {}) });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new QueryTimeoutError(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      // Timed and traced (nexus_cypher_statement_duration_seconds, one client span).
      const result = await observeStatement(cypher, this.database, () =>
        Promise.race([session.executeRead((tx) => tx.run<Shape>(cypher, parameters)), timeout]),
      );
      await session.close();
      return result.records;
    } catch (error) {
      // Not awaited: after a timeout the session may still be retrying.
      void session.close().catch(() => undefined);
      if (isUnavailableError(error)) {
        this.unavailable = true;
        throw new GraphUnavailableError();
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A statement as sent: its text and parameters. */
export interface RecordedStatement {
  cypher: string;
  parameters: CypherParameters;
}

/**
 * Records what it is asked to read and answers from `answer` (no rows by
 * default). Used by the statement tests, which check the Cypher the API
 * generates, and by the benchmark's round-trip counting through a real reader.
 */
export class RecordingGraphReader implements GraphReader {
  readonly statements: RecordedStatement[] = [];
  roundTrips = 0;

  constructor(
    private readonly inner?: GraphReader,
    private readonly answer: (statement: RecordedStatement) => Row[] = () => [],
  ) {}

  noteFailure(error: unknown): void {
    this.inner?.noteFailure(error);
  }

  async read<Shape extends RecordShape = RecordShape>(cypher: string, parameters: CypherParameters = {}): Promise<Row<Shape>[]> {
    const statement = { cypher, parameters };
    this.statements.push(statement);
    this.roundTrips += 1;
    if (this.inner) return this.inner.read<Shape>(cypher, parameters);
    return this.answer(statement) as Row<Shape>[];
  }
}
