// Open-loop load at a fixed rate: request i is sent at start + i / rate,
// whether or not earlier requests have been answered, and its latency is
// measured from that scheduled time (so a server that falls behind is charged
// for the queue it builds: no coordinated omission).
//
// Not autocannon's `overallRate`: autocannon gives each connection a budget of
// requests per second and sends it as fast as answers come back, so a second's
// requests leave in a burst at the start of the second (measured: all 100 of
// 100 req/s within the first 100 ms), and with a rate set its latency
// histogram is "corrected" with an expected interval of ceil(1 / rate) = 1 ms.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LatencySummary {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

export interface OpenLoopResult extends LatencySummary {
  /** Target rate, requests per second. */
  rate: number;
  durationSec: number;
  sent: number;
  /** Answers with HTTP 2xx and no GraphQL errors. */
  ok: number;
  /** Non-2xx answers, GraphQL errors, connection errors and timeouts. */
  errors: number;
  /** Requests answered per second over the run (answers to late requests included). */
  achievedRate: number;
}

export interface OpenLoopOptions {
  url: string;
  body: string;
  rate: number;
  durationSec: number;
  /** A request not answered after this long counts as an error (default 10 s). */
  timeoutMs?: number;
}

/** Nearest-rank percentiles of latencies in ms, rounded to 0.01 ms. */
export function latencySummary(values: number[]): LatencySummary {
  if (values.length === 0) return { p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  const r = (value: number): number => Math.round(value * 100) / 100;
  return {
    p50: r(rank(50)),
    p90: r(rank(90)),
    p99: r(rank(99)),
    max: r(sorted[sorted.length - 1] ?? 0),
    mean: r(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
}

/** Scheduled send times (ms from the start) of a run at `rate` req/s for `durationSec` s. */
export function schedule(rate: number, durationSec: number): number[] {
  if (!(rate > 0) || !(durationSec > 0)) throw new Error(`rate and duration must be positive, got ${rate} req/s for ${durationSec} s`);
  const count = Math.round(rate * durationSec);
  return Array.from({ length: count }, (_, i) => (i * 1000) / rate);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const url = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const payload = Buffer.from(options.body);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const latencies: number[] = [];
  let errors = 0;
  let lastAnswer = 0;

  const send = (scheduledAt: number): Promise<void> =>
    new Promise((resolve) => {
      const done = (ok: boolean): void => {
        const now = performance.now();
        lastAnswer = Math.max(lastAnswer, now);
        if (ok) latencies.push(now - scheduledAt);
        else errors += 1;
        resolve();
      };
      const request = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': payload.length },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const status = response.statusCode ?? 0;
            const text = Buffer.concat(chunks).toString('utf8');
            done(status >= 200 && status < 300 && !text.includes('"errors":['));
          });
          response.on('error', () => done(false));
        },
      );
      let settled = false;
      request.setTimeout(timeoutMs, () => {
        if (settled) return;
        settled = true;
        request.destroy();
        done(false);
      });
      request.on('error', () => {
        if (settled) return;
        settled = true;
        done(false);
      });
      request.on('response', () => {
        settled = true;
      });
      request.end(payload);
    });

  const times = schedule(options.rate, options.durationSec);
  const start = performance.now();
  const inFlight: Promise<void>[] = [];
  for (const offset of times) {
    const due = start + offset;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    inFlight.push(send(due));
  }
  await Promise.all(inFlight);
  agent.destroy();
  const elapsedSec = Math.max(options.durationSec, (lastAnswer - start) / 1000);
  return {
    rate: options.rate,
    durationSec: options.durationSec,
    sent: times.length,
    ok: latencies.length,
    errors,
    achievedRate: Math.round((latencies.length / elapsedSec) * 10) / 10,
    ...latencySummary(latencies),
  };
}
