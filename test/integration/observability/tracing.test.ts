// OpenTelemetry tracing switched on by the standard variables: the service (with
// the preload `npm start` uses) sends its spans to an OTLP/HTTP collector, here
// a small receiver of the JSON encoding on a free port.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServiceProcess, type ServiceProcess } from '../../support/service-process.js';

interface ExportedSpan {
  name: string;
  kind: number;
  traceId: string;
  attributes?: { key: string; value: Record<string, unknown> }[];
}

const spans: ExportedSpan[] = [];
let collector: http.Server;
let service: ServiceProcess;

function spanNames(): string[] {
  return spans.map((span) => span.name);
}

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`spans received: ${JSON.stringify(spanNames())}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  collector = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.url === '/v1/traces') {
        const payload = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: ExportedSpan[] }[] }[] };
        for (const resource of payload.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const { port } = collector.address() as AddressInfo;
  service = await startServiceProcess(['--import', 'tsx', '--import', './src/observability/tracing.ts', 'src/main.ts'], {
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
    OTEL_BSP_SCHEDULE_DELAY: '100',
    OTEL_SERVICE_NAME: 'nexus-tracing-test',
  });
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await new Promise((resolve) => collector?.close(resolve));
});

describe('tracing', () => {
  it('exports the HTTP request, the GraphQL execution and its resolvers in one trace', async () => {
    const response = await fetch(`${service.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query TracedPractice { goodPractice(number: 17) { title actors { actor { name } } } }' }),
    });
    expect(response.status).toBe(200);
    await until(() => spanNames().some((name) => name.startsWith('query TracedPractice')) && spans.some((span) => span.kind === 2));
    const server = spans.find((span) => span.kind === 2 && span.name.startsWith('POST'));
    expect(server).toBeDefined();
    const execution = spans.find((span) => span.name.startsWith('query TracedPractice'))!;
    expect(execution.traceId).toBe(server!.traceId);
    const resolvers = spans.filter((span) => span.traceId === server!.traceId && span.name.startsWith('graphql.resolve'));
    expect(resolvers.length).toBeGreaterThan(0);
    await until(() => spans.some((span) => span.traceId === server!.traceId && span.name.endsWith(' neo4j')));
    const statements = spans.filter((span) => span.traceId === server!.traceId && span.name.endsWith(' neo4j'));
    expect(statements.every((span) => span.kind === 3)).toBe(true);
    const text = statements[0]!.attributes?.find((attribute) => attribute.key === 'db.query.text')?.value['stringValue'];
    expect(text).toMatch(/MATCH|UNWIND|CALL/);
    expect(text).not.toContain('17');
  });

  it('leaves out health and readiness probes', async () => {
    await fetch(`${service.base}/ready`);
    await fetch(`${service.base}/health`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(spans.filter((span) => span.kind === 2 && /\/(ready|health)/.test(JSON.stringify(span.attributes ?? [])))).toEqual([]);
  });
});
