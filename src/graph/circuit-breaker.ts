// A circuit breaker in front of Neo4j, shared by every reader of the process.
// After `failureThreshold` reads in a row found Neo4j unreachable it opens:
// reads fail at once with SERVICE_UNAVAILABLE instead of each waiting for the
// driver to give up. After `openMs` one read is let through as a probe: if it
// succeeds the breaker closes, otherwise it stays open for twice as long (at
// most `maxOpenMs`). The service's supervisor can also hold it open while it
// knows Neo4j is down (it died and is being restarted).

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  failureThreshold?: number;
  openMs?: number;
  maxOpenMs?: number;
  now?: () => number;
}

export class CircuitBreaker {
  private readonly failureThreshold: number;
  private readonly baseOpenMs: number;
  private readonly maxOpenMs: number;
  private readonly now: () => number;
  private failures = 0;
  private openMs: number;
  private openUntil = 0;
  private opened = false;
  private probing = false;
  private held: string | null = null;

  constructor(options: CircuitBreakerOptions = {}) {
    this.failureThreshold = options.failureThreshold ?? 2;
    this.baseOpenMs = options.openMs ?? 1_000;
    this.maxOpenMs = options.maxOpenMs ?? 15_000;
    this.now = options.now ?? Date.now;
    this.openMs = this.baseOpenMs;
  }

  get state(): BreakerState {
    if (this.held !== null) return 'open';
    if (!this.opened) return 'closed';
    return this.now() >= this.openUntil ? 'half-open' : 'open';
  }

  /** Whether a read may go to Neo4j now. In half-open state only one probe at a time is allowed. */
  allow(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.probing) return false;
    this.probing = true;
    return true;
  }

  /** Neo4j answered (rows or a query error: either way it is up). */
  succeeded(): void {
    this.failures = 0;
    this.opened = false;
    this.probing = false;
    this.openMs = this.baseOpenMs;
  }

  /** Neo4j could not be reached or did not answer in time. */
  failed(): void {
    this.failures += 1;
    if (this.opened) {
      // The probe failed: stay open, longer each time.
      this.probing = false;
      this.openMs = Math.min(this.openMs * 2, this.maxOpenMs);
      this.openUntil = this.now() + this.openMs;
    } else if (this.failures >= this.failureThreshold) {
      this.opened = true;
      this.openUntil = this.now() + this.openMs;
    }
  }

  /** Held open until release(): Neo4j is known to be down. */
  hold(reason: string): void {
    this.held = reason;
  }

  /** Neo4j is back: the next read goes through as a probe. */
  release(): void {
    this.held = null;
    this.opened = true;
    this.probing = false;
    this.openMs = this.baseOpenMs;
    this.openUntil = this.now();
  }

  /** Why reads fail fast now, or null when they do not. */
  reason(): string | null {
    if (this.held !== null) return this.held;
    return this.state === 'open' ? 'Neo4j did not answer the last reads; retrying shortly' : null;
  }

  /** Seconds until a read will be tried again (at least 1). */
  retryAfterSeconds(): number {
    if (this.held !== null) return 5;
    return Math.max(1, Math.ceil((this.openUntil - this.now()) / 1000));
  }
}
