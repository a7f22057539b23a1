// What the HTTP service mounts for operators: Prometheus metrics at /metrics,
// the GraphQL plugins that feed them, and Apollo's reporting to its cloud kept
// off (even with APOLLO_KEY / APOLLO_GRAPH_REF in the environment).
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import type { Express } from 'express';
import type { Driver } from 'neo4j-driver';
import { ServiceMetrics, type CountsStatements } from './metrics.js';
import { onStatement } from './statements.js';

export { ServiceMetrics } from './metrics.js';

export interface ObservabilityOptions {
  driver?: Driver | undefined;
}

export interface Observability {
  metrics: ServiceMetrics;
  /** Apollo plugins: the metrics plugin and the disabled Apollo reporting plugins. */
  apolloPlugins<Context extends CountsStatements>(): ApolloServerPlugin<Context>[];
  /** Installs the request metrics (first, so they see every request) and GET /metrics. */
  mount(app: Express): void;
  close(): void;
}

export function createObservability(options: ObservabilityOptions = {}): Observability {
  const metrics = new ServiceMetrics({ driver: options.driver });
  const unsubscribe = onStatement((seconds, ok) => metrics.observeStatement(seconds, ok));
  return {
    metrics,
    apolloPlugins: <Context extends CountsStatements>() => [
      ApolloServerPluginUsageReportingDisabled() as ApolloServerPlugin<Context>,
      ApolloServerPluginSchemaReportingDisabled() as ApolloServerPlugin<Context>,
      metrics.apolloPlugin<Context>(),
    ],
    mount(app) {
      app.use(metrics.httpMiddleware());
      app.get('/metrics', metrics.handler());
    },
    close: unsubscribe,
  };
}
