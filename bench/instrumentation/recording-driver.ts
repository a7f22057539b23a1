// Wraps a neo4j-driver Driver so every Cypher statement sent to the database is
// counted (round trips) and, while capture is on, recorded with its parameters
// so the harness can PROFILE exactly what a server ran. The same wrapper is used
// for our service and for the peer, so both are measured the same way.
import type { Driver, ManagedTransaction, Session, Transaction } from 'neo4j-driver';

export interface CapturedStatement {
  query: string;
  parameters: Record<string, unknown>;
  database: string | undefined;
}

export class StatementRecorder {
  roundTrips = 0;
  private capturing = false;
  private captured: CapturedStatement[] = [];

  startCapture(): void {
    this.capturing = true;
    this.captured = [];
  }

  stopCapture(): CapturedStatement[] {
    this.capturing = false;
    const statements = this.captured;
    this.captured = [];
    return statements;
  }

  record(query: unknown, parameters: unknown, database: string | undefined): void {
    this.roundTrips += 1;
    if (!this.capturing) return;
    this.captured.push({
      query: statementText(query),
      parameters: isRecord(parameters) ? parameters : {},
      database,
    });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** neo4j-driver accepts a string or `{ text, parameters }` as a query. */
function statementText(query: unknown): string {
  if (typeof query === 'string') return query;
  if (isRecord(query) && typeof query.text === 'string') return query.text;
  return String(query);
}

function statementParameters(query: unknown, parameters: unknown): unknown {
  if (parameters !== undefined) return parameters;
  if (isRecord(query) && isRecord(query.parameters)) return query.parameters;
  return {};
}

type RunTarget = Pick<ManagedTransaction, 'run'> | Pick<Transaction, 'run'> | Pick<Session, 'run'>;

function wrapRunner<T extends RunTarget>(target: T, recorder: StatementRecorder, database: string | undefined): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (property === 'run') {
        return (query: unknown, parameters?: unknown, config?: unknown) => {
          recorder.record(query, statementParameters(query, parameters), database);
          return (object.run as (q: unknown, p?: unknown, c?: unknown) => unknown).call(object, query, parameters, config);
        };
      }
      const value: unknown = Reflect.get(object, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}

function wrapSession(session: Session, recorder: StatementRecorder, database: string | undefined): Session {
  const runner = wrapRunner(session, recorder, database);
  return new Proxy(runner, {
    get(object, property, receiver) {
      if (property === 'executeRead' || property === 'executeWrite') {
        return (work: (tx: ManagedTransaction) => unknown, config?: unknown) =>
          (session[property] as (w: (tx: ManagedTransaction) => unknown, c?: unknown) => unknown).call(
            session,
            (tx: ManagedTransaction) => work(wrapRunner(tx, recorder, database)),
            config,
          );
      }
      if (property === 'beginTransaction') {
        return (config?: unknown) => {
          const transaction = (session.beginTransaction as (c?: unknown) => Transaction).call(session, config);
          return wrapRunner(transaction, recorder, database);
        };
      }
      return Reflect.get(object, property, receiver);
    },
  });
}

/** A Driver that behaves like `driver` but reports every statement to `recorder`. */
export function recordingDriver(driver: Driver, recorder: StatementRecorder): Driver {
  return new Proxy(driver, {
    get(object, property, receiver) {
      if (property === 'session') {
        return (config?: Parameters<Driver['session']>[0]) =>
          wrapSession(object.session(config), recorder, config?.database);
      }
      if (property === 'executeQuery') {
        return (query: unknown, parameters?: unknown, config?: { database?: string }) => {
          recorder.record(query, statementParameters(query, parameters), config?.database);
          return (object.executeQuery as (q: unknown, p?: unknown, c?: unknown) => unknown).call(
            object,
            query,
            parameters,
            config,
          );
        };
      }
      const value: unknown = Reflect.get(object, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
  });
}
