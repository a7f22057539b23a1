// OpenTelemetry tracing, preloaded before the service so HTTP and GraphQL are
// instrumented as they load:
//   node --import ./dist/observability/tracing.js dist/main.js      (the image, npm run start:dist)
//   tsx --import ./src/observability/tracing.ts src/main.ts         (npm start)
// Off unless the standard OTEL_* variables ask for it (tracing-config.ts); then
// spans for incoming HTTP requests, GraphQL parse/validate/execute and the
// non-trivial resolvers, and every Cypher read (src/observability/statements.ts)
// go to an OTLP collector, sampled by OTEL_TRACES_SAMPLER / OTEL_TRACES_SAMPLER_ARG.
// When off, nothing of the SDK is loaded.
import { tracingConfig } from './tracing-config.js';

const config = tracingConfig(process.env);

if (config.enabled) {
  // ESM imports (node:http from our modules) are patched through import-in-the-middle's
  // loader hook; CommonJS ones (express, graphql) through require-in-the-middle.
  const { register } = await import('node:module');
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const [{ NodeTracerProvider, BatchSpanProcessor, ConsoleSpanExporter }, { registerInstrumentations }, { HttpInstrumentation }, { GraphQLInstrumentation }, resources] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/instrumentation'),
      import('@opentelemetry/instrumentation-http'),
      import('@opentelemetry/instrumentation-graphql'),
      import('@opentelemetry/resources'),
    ]);
  const exporter =
    config.exporter === 'console'
      ? new ConsoleSpanExporter()
      : config.protocol === 'http/json'
        ? new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter()
        : new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter();
  const resource = resources
    .resourceFromAttributes({ 'service.name': 'nexus-knowledge-graph' })
    .merge(resources.detectResources({ detectors: [resources.envDetector, resources.processDetector, resources.hostDetector] }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(exporter)] });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes are frequent and say nothing about a request's path.
        ignoreIncomingRequestHook: (request) => /^\/(health|ready|metrics)(\?|$)/.test(request.url ?? ''),
      }),
      // Resolvers that only read a property are left out; list items share one span.
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
    ],
  });
  const flush = () => void provider.shutdown().catch(() => undefined);
  process.once('beforeExit', flush);
  process.once('SIGTERM', flush);
  process.once('SIGINT', flush);
}
