// The GraphReader reports each Cypher read here: a client span when tracing is
// on (the OpenTelemetry API is a no-op otherwise) and its duration to the
// metrics of the running services.
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

type StatementListener = (seconds: number, ok: boolean) => void;

const listeners = new Set<StatementListener>();
const tracer = trace.getTracer('nexus-knowledge-graph');

/** Subscribes to Cypher reads; returns the unsubscribe function. */
export function onStatement(listener: StatementListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The first clause of a statement, for the span name (MATCH, CALL, UNWIND, ...). */
export function statementSummary(cypher: string): string {
  return /^\s*([A-Za-z]+)/.exec(cypher)?.[1]?.toUpperCase() ?? 'CYPHER';
}

/** Runs one Cypher read under a span and times it. The statement text is parameterised: no values are recorded. */
export async function observeStatement<T>(cypher: string, database: string | undefined, run: () => Promise<T>): Promise<T> {
  const started = process.hrtime.bigint();
  const done = (ok: boolean) => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    for (const listener of listeners) listener(seconds, ok);
  };
  return tracer.startActiveSpan(
    `${statementSummary(cypher)} neo4j`,
    { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'neo4j', 'db.namespace': database ?? 'neo4j', 'db.query.text': cypher } },
    async (span) => {
      try {
        const result = await run();
        done(true);
        return result;
      } catch (error) {
        done(false);
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
