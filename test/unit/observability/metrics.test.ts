// The pure parts of the observability module: bounded label values, route
// labels, the tracing switch read from the OTEL_* variables, span names.
import { describe, expect, it } from 'vitest';
import { BoundedLabel, routeOf, ServiceMetrics } from '../../../src/observability/metrics.js';
import { statementSummary } from '../../../src/observability/statements.js';
import { tracingConfig } from '../../../src/observability/tracing-config.js';

describe('BoundedLabel', () => {
  it('keeps the first names, then reports new ones as "other"', () => {
    const label = new BoundedLabel(2, /^[A-Za-z]+$/);
    expect(label.value('First', 'anonymous')).toBe('First');
    expect(label.value('Second', 'anonymous')).toBe('Second');
    expect(label.value('Third', 'anonymous')).toBe('other');
    expect(label.value('First', 'anonymous')).toBe('First');
    expect(label.value(null, 'anonymous')).toBe('anonymous');
    expect(label.value('not valid!', 'anonymous')).toBe('invalid');
  });

  it('bounds operation names a client makes up', () => {
    const metrics = new ServiceMetrics({ processMetrics: false, maxOperationNames: 3 });
    const labels = Array.from({ length: 1000 }, (_, index) => metrics.operationLabel(`Op${index}`));
    expect(new Set(labels)).toEqual(new Set(['Op0', 'Op1', 'Op2', 'other']));
  });
});

describe('routeOf', () => {
  it('maps every path to one of a fixed set of routes', () => {
    expect(routeOf('/graphql')).toBe('/graphql');
    expect(routeOf('/graphiql/assets/graphiql.min.js')).toBe('/graphiql');
    expect(routeOf('/export/toolkit.graphml')).toBe('/export');
    expect(routeOf('/ready')).toBe('/ready');
    expect(routeOf('/metrics')).toBe('/metrics');
    expect(routeOf('/readyish')).toBe('/');
    expect(routeOf('/practice/17')).toBe('/');
  });
});

describe('tracingConfig', () => {
  it('is off without OTEL_* variables', () => {
    expect(tracingConfig({}).enabled).toBe(false);
    expect(tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: '' }).enabled).toBe(false);
    expect(tracingConfig({ OTEL_SERVICE_NAME: 'nexus' }).enabled).toBe(false);
  });

  it('turns on with an OTLP endpoint or exporter, over http/protobuf unless told otherwise', () => {
    expect(tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toEqual({ enabled: true, exporter: 'otlp', protocol: 'http/protobuf' });
    expect(tracingConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).toEqual({
      enabled: true,
      exporter: 'otlp',
      protocol: 'http/json',
    });
    expect(tracingConfig({ OTEL_TRACES_EXPORTER: 'otlp' }).enabled).toBe(true);
    expect(tracingConfig({ OTEL_TRACES_EXPORTER: 'console' })).toEqual({ enabled: true, exporter: 'console' });
  });

  it('stays off when disabled, and refuses what it cannot do', () => {
    expect(tracingConfig({ OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }).enabled).toBe(false);
    expect(tracingConfig({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' }).enabled).toBe(false);
    expect(() => tracingConfig({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(/otlp, console or none/);
    expect(() => tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' })).toThrow(/grpc is not bundled/);
  });
});

describe('statementSummary', () => {
  it('names a span after the first clause', () => {
    expect(statementSummary('  match (n) return n')).toBe('MATCH');
    expect(statementSummary('UNWIND $ids AS id MATCH (n {id: id}) RETURN n')).toBe('UNWIND');
    expect(statementSummary('')).toBe('CYPHER');
  });
});
