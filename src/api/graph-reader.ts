// Every Cypher read of a request goes through one GraphReader: it runs the
// statement in a read transaction (so a routing neo4j:// URI sends it to a
// reader), counts round trips, and turns an unreachable Neo4j into a clear
// SERVICE_UNAVAILABLE error within `timeoutMs` instead of the driver's long retry.
import type { Driver, QueryResult, RecordShape } from 'neo4j-driver';
import { isServiceUnavailableGraphQLError, isUnavailableError, serviceUnavailable } from './errors.js';

export interface GraphReaderOptions {
  driver: Driver;
  database?: string | undefined;
  /** Give up on one read after this long (default 10 s). */
  timeoutMs?: number | undefined;
}

export type CypherParameters = Record<string, unknown>;

class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError';
}

export class GraphReader {
  /** Cypher statements sent so far (one round trip each). */
  roundTrips = 0;
  readonly statements: string[] = [];
  private readonly driver: Driver;
  private readonly database: string | undefined;
  private readonly timeoutMs: number;
  /** Set once a read found Neo4j unreachable: later reads of the request fail at once. */
  private unavailable = false;

  constructor(options: GraphReaderOptions) {
    this.driver = options.driver;
    this.database = options.database;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** Records a failure seen outside `read` (e.g. a shared read): unavailability ends the request's reads too. */
  noteFailure(error: unknown): void {
    if (isUnavailableError(error) || isServiceUnavailableGraphQLError(error)) this.unavailable = true;
  }

  async read<Shape extends RecordShape = RecordShape>(
    cypher: string,
    parameters: CypherParameters = {},
  ): Promise<QueryResult<Shape>['records']> {
    if (this.unavailable) throw serviceUnavailable();
    this.roundTrips += 1;
    this.statements.push(cypher);
    const session = this.driver.session({ defaultAccessMode: 'READ', ...(this.database ? { database: this.database } : {}) });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new QueryTimeoutError(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      const result = await Promise.race([
        session.executeRead((tx) => tx.run<Shape>(cypher, parameters)),
        timeout,
      ]);
      await session.close();
      return result.records;
    } catch (error) {
      // Not awaited: after a timeout the session may still be retrying.
      void session.close().catch(() => undefined);
      if (isUnavailableError(error)) {
        this.unavailable = true;
        throw serviceUnavailable();
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
