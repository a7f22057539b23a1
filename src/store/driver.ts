// Opens a neo4j-driver Driver and waits, with a deadline, until Neo4j answers.
import neo4j, { type Driver } from 'neo4j-driver';
import type { Neo4jCredentials } from './config.js';

export class Neo4jUnavailableError extends Error {
  override name = 'Neo4jUnavailableError';
}

export class Neo4jAuthError extends Error {
  override name = 'Neo4jAuthError';
}

/** Connections to Neo4j; each request may hold only a share of them (see src/api/limits.ts). */
export const MAX_CONNECTION_POOL_SIZE = 50;

export function createDriver(credentials: Neo4jCredentials): Driver {
  return neo4j.driver(credentials.uri, neo4j.auth.basic(credentials.username, credentials.password), {
    connectionTimeout: 5_000,
    connectionAcquisitionTimeout: 10_000,
    maxConnectionPoolSize: MAX_CONNECTION_POOL_SIZE,
    // A transaction function retries a lost connection for at most this long (driver default 30 s):
    // a Neo4j that went away is reported within seconds, and the circuit breaker takes over.
    maxTransactionRetryTime: 3_000,
    disableLosslessIntegers: false,
  });
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}

export function isAuthError(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Resolves once Neo4j accepts the credentials on `database`. Retries connection
 * failures until `deadlineMs` has passed, then throws Neo4jUnavailableError; a
 * wrong user or password fails at once with Neo4jAuthError.
 */
export async function waitForNeo4j(driver: Driver, credentials: Neo4jCredentials, deadlineMs: number): Promise<void> {
  const giveUpAt = Date.now() + deadlineMs;
  let lastError: unknown;
  for (;;) {
    const remaining = giveUpAt - Date.now();
    if (remaining <= 0) break;
    try {
      await withTimeout(driver.verifyConnectivity({ database: credentials.database }), remaining);
      return;
    } catch (error) {
      if (isAuthError(error)) {
        throw new Neo4jAuthError(
          `Neo4j at ${credentials.uri} rejected user "${credentials.username}": wrong NEO4J_USERNAME or NEO4J_PASSWORD`,
          { cause: error },
        );
      }
      lastError = error;
    }
    await sleep(Math.min(250, Math.max(0, giveUpAt - Date.now())));
  }
  const reason = lastError instanceof Error ? lastError.message : 'no answer';
  throw new Neo4jUnavailableError(
    `Neo4j is not reachable at ${credentials.uri} (database "${credentials.database}") after ${Math.round(deadlineMs / 1000)} s: ${reason}`,
    { cause: lastError },
  );
}

/** Opens a driver and waits for Neo4j; closes the driver again if it never answers. */
export async function connect(credentials: Neo4jCredentials, deadlineMs: number): Promise<Driver> {
  const driver = createDriver(credentials);
  try {
    await waitForNeo4j(driver, credentials, deadlineMs);
    return driver;
  } catch (error) {
    await driver.close();
    throw error;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
