// The one data layer's entry point: every Cypher read of a GraphQL request or
// an export goes through a GraphReader. It runs each statement in a read
// transaction (so a routing neo4j:// URI sends it to a reader), counts round
// trips, and turns an unreachable or stalled Neo4j into one clear
// SERVICE_UNAVAILABLE error within `timeoutMs` instead of the driver's long retry.
//
// Hardening: every read carries a server-side transaction timeout (Neo4j
// stops working on it when the client gives up); the process-wide circuit
// breaker makes reads fail at once while Neo4j is down; one request holds at
// most MAX_CONCURRENT_READS connections of the pool and sends at most
// MAX_STATEMENTS_PER_REQUEST statements (the cost analysis refuses most
// such requests before they run; this is the backstop).
import { GraphQLError } from 'graphql';
import type { Driver, RecordShape } from 'neo4j-driver';
import { observeStatement } from '../observability/statements.js';
import type { CircuitBreaker } from './circuit-breaker.js';

/** Reads of one request running at once (the driver's pool has 50 connections). */
export const MAX_CONCURRENT_READS = 8;
/** Statements one request may send. */
export const MAX_STATEMENTS_PER_REQUEST = 120;

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

/** Neo4j ended the transaction at its timeout: Neo4j is up, the read was too slow. */
function isServerTimeout(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut');
}

/** A counting semaphore: at most `size` holders at once, the others wait in order. */
class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];
  constructor(size: number) {
    this.free = size;
  }
  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.free += 1;
  }
}

export interface Neo4jGraphReaderOptions {
  driver: Driver;
  database?: string | undefined;
  /** Give up on one read after this long (default 10 s); Neo4j is told the same timeout. */
  timeoutMs?: number | undefined;
  /** The process's circuit breaker; reads fail at once while it is open. */
  breaker?: CircuitBreaker | undefined;
}

export class Neo4jGraphReader implements GraphReader {
  roundTrips = 0;
  private readonly driver: Driver;
  private readonly database: string | undefined;
  private readonly timeoutMs: number;
  /** Set once a read found Neo4j unreachable: later reads of the same request fail at once. */
  private unavailable = false;
  private readonly breaker: CircuitBreaker | undefined;
  private readonly slots = new Slots(MAX_CONCURRENT_READS);

  constructor(options: Neo4jGraphReaderOptions) {
    this.driver = options.driver;
    this.database = options.database;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.breaker = options.breaker;
  }

  noteFailure(error: unknown): void {
    if (isUnavailableError(error)) this.unavailable = true;
  }

  async read<Shape extends RecordShape = RecordShape>(cypher: string, parameters: CypherParameters = {}): Promise<Row<Shape>[]> {
    if (this.unavailable) throw new GraphUnavailableError();
    if (this.roundTrips >= MAX_STATEMENTS_PER_REQUEST) {
      throw new GraphQLError(`The request needs more than ${MAX_STATEMENTS_PER_REQUEST} database statements; ask for fewer fields or lists`, {
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      });
    }
    await this.slots.acquire();
    try {
      if (this.breaker && !this.breaker.allow()) {
        this.unavailable = true;
        throw new GraphUnavailableError();
      }
      return await this.readNow<Shape>(cypher, parameters);
    } finally {
      this.slots.release();
    }
  }

  private async readNow<Shape extends RecordShape>(cypher: string, parameters: CypherParameters): Promise<Row<Shape>[]> {
    this.roundTrips += 1;
    const session = this.driver.session({ defaultAccessMode: 'READ', ...(this.database ? { database: this.database } : {}) });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new QueryTimeoutError(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      // The same timeout on the server: Neo4j stops the transaction when this client stops waiting.
      // Timed and traced (nexus_cypher_statement_duration_seconds, one client span).
      const result = await observeStatement(cypher, this.database, () =>
        Promise.race([session.executeRead((tx) => tx.run<Shape>(cypher, parameters), { timeout: this.timeoutMs }), timeout]),
      );
      await session.close();
      this.breaker?.succeeded();
      return result.records;
    } catch (error) {
      // Not awaited: after a timeout the session may still be retrying.
      void session.close().catch(() => undefined);
      if (isServerTimeout(error)) {
        this.breaker?.succeeded();
        throw new GraphUnavailableError();
      }
      if (isUnavailableError(error)) {
        this.breaker?.failed();
        this.unavailable = true;
        throw new GraphUnavailableError();
      }
      // Neo4j answered (with an error about the statement): it is up.
      this.breaker?.succeeded();
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
