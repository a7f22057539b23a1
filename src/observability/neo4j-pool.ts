// Connection-pool use of a neo4j-driver Driver. The driver has no public API
// for it, so this reads the pool the driver keeps (neo4j-driver 5 and 6:
// driver._connectionProvider._connectionPool); when a driver version lays it out
// differently the result is undefined and the pool metrics are left out, never wrong.
import type { Driver } from 'neo4j-driver';

export interface ServerPoolUse {
  address: string;
  inUse: number;
  idle: number;
  waiting: number;
}

export interface PoolUse {
  maxSize: number;
  servers: ServerPoolUse[];
}

interface PoolInternals {
  _maxSize?: unknown;
  _pools?: Record<string, { length?: unknown } | undefined>;
  _activeResourceCounts?: Record<string, unknown>;
  _acquireRequests?: Record<string, unknown[] | undefined>;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}

export function readPoolUse(driver: Driver): PoolUse | undefined {
  const provider = (driver as unknown as { _connectionProvider?: { _connectionPool?: PoolInternals } | null })._connectionProvider;
  const pool = provider?._connectionPool;
  if (!pool || typeof pool._maxSize !== 'number' || typeof pool._pools !== 'object' || pool._pools === null) return undefined;
  const addresses = new Set([...Object.keys(pool._pools), ...Object.keys(pool._activeResourceCounts ?? {})]);
  return {
    maxSize: pool._maxSize,
    servers: [...addresses].sort().map((address) => ({
      address,
      inUse: count(pool._activeResourceCounts?.[address]),
      idle: count(pool._pools?.[address]?.length),
      waiting: pool._acquireRequests?.[address]?.length ?? 0,
    })),
  };
}
