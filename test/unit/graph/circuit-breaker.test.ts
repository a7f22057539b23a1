import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../src/graph/circuit-breaker.js';

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('circuit breaker', () => {
  it('opens after consecutive failures, lets one probe through later, and closes when it succeeds', () => {
    const time = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 2, openMs: 1_000, now: time.now });
    expect(breaker.allow()).toBe(true);
    breaker.failed();
    expect(breaker.state).toBe('closed');
    breaker.failed();
    expect(breaker.state).toBe('open');
    expect(breaker.allow()).toBe(false);
    expect(breaker.retryAfterSeconds()).toBe(1);
    expect(breaker.reason()).toMatch(/did not answer/);
    time.advance(1_000);
    expect(breaker.allow()).toBe(true);
    // Only one probe at a time.
    expect(breaker.allow()).toBe(false);
    breaker.succeeded();
    expect(breaker.state).toBe('closed');
    expect(breaker.reason()).toBeNull();
    expect(breaker.allow()).toBe(true);
  });

  it('stays open longer after each failed probe, up to the maximum', () => {
    const time = clock();
    const breaker = new CircuitBreaker({ failureThreshold: 1, openMs: 1_000, maxOpenMs: 3_000, now: time.now });
    breaker.failed();
    for (const wait of [1_000, 2_000, 3_000, 3_000]) {
      time.advance(wait - 1);
      expect(breaker.allow()).toBe(false);
      time.advance(1);
      expect(breaker.allow()).toBe(true);
      breaker.failed();
    }
    expect(breaker.state).toBe('open');
  });

  it('is held open while Neo4j is known to be down, and probes once released', () => {
    const time = clock();
    const breaker = new CircuitBreaker({ now: time.now });
    breaker.hold('Neo4j (pid 1) exited unexpectedly');
    time.advance(60_000);
    expect(breaker.allow()).toBe(false);
    expect(breaker.reason()).toBe('Neo4j (pid 1) exited unexpectedly');
    breaker.release();
    expect(breaker.allow()).toBe(true);
    breaker.succeeded();
    expect(breaker.state).toBe('closed');
  });
});
