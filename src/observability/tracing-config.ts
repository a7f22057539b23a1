// Whether and how to trace, from the standard OpenTelemetry variables only.
// Tracing is off unless an exporter or an OTLP endpoint is configured.
//   OTEL_SDK_DISABLED=true                    off, whatever else is set
//   OTEL_TRACES_EXPORTER=otlp|console|none    otlp when an endpoint is set
//   OTEL_EXPORTER_OTLP_ENDPOINT / OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
//   OTEL_EXPORTER_OTLP_PROTOCOL / OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf (default)|http/json
//   OTEL_TRACES_SAMPLER, OTEL_TRACES_SAMPLER_ARG, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES,
//   OTEL_EXPORTER_OTLP_HEADERS, OTEL_BSP_*: read by the OpenTelemetry SDK itself.

export type TracingConfig =
  | { enabled: false; reason: string }
  | { enabled: true; exporter: 'console' }
  | { enabled: true; exporter: 'otlp'; protocol: 'http/protobuf' | 'http/json' };

type Env = Record<string, string | undefined>;

function setting(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function tracingConfig(env: Env): TracingConfig {
  if (setting(env, 'OTEL_SDK_DISABLED')?.toLowerCase() === 'true') return { enabled: false, reason: 'OTEL_SDK_DISABLED=true' };
  const exporters = (setting(env, 'OTEL_TRACES_EXPORTER') ?? '').split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const endpoint = setting(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ?? setting(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  if (exporters.includes('none')) return { enabled: false, reason: 'OTEL_TRACES_EXPORTER=none' };
  if (exporters.includes('console')) return { enabled: true, exporter: 'console' };
  if (exporters.length > 0 && !exporters.includes('otlp')) {
    throw new Error(`OTEL_TRACES_EXPORTER must be otlp, console or none, got "${exporters.join(',')}"`);
  }
  if (!endpoint && exporters.length === 0) return { enabled: false, reason: 'no OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_TRACES_EXPORTER' };
  const protocol = setting(env, 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ?? setting(env, 'OTEL_EXPORTER_OTLP_PROTOCOL') ?? 'http/protobuf';
  if (protocol !== 'http/protobuf' && protocol !== 'http/json') {
    throw new Error(`OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf or http/json (grpc is not bundled), got "${protocol}"`);
  }
  return { enabled: true, exporter: 'otlp', protocol };
}
