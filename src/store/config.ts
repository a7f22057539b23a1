// Where the service finds Neo4j: an existing deployment (NEO4J_URI) or a local
// Neo4j started by the launcher in tools/neo4j-launcher.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, independent of the current working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Password of the locally launched Neo4j when NEO4J_PASSWORD is not set (local development only). */
export const DEFAULT_LOCAL_PASSWORD = 'nexus-toolkit-local';
export const DEFAULT_USERNAME = 'neo4j';
export const DEFAULT_DATABASE = 'neo4j';
export const DEFAULT_BOLT_PORT = 7687;
export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, '.data', 'neo4j');

const SUPPORTED_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'] as const;

export interface Neo4jCredentials {
  uri: string;
  username: string;
  password: string;
  database: string;
}

/** How to reach Neo4j: either connect to `external.uri`, or launch one locally. */
export type Neo4jTarget =
  | { kind: 'external'; credentials: Neo4jCredentials }
  | {
      kind: 'launch';
      username: string;
      password: string;
      database: string;
      dataDir: string;
      /** 0 picks a free port. */
      boltPort: number;
    };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

export function parsePort(text: string, variable: string): number {
  if (!/^\d+$/.test(text)) throw new ConfigError(`${variable} must be a port number, got "${text}"`);
  const port = Number(text);
  if (port > 65535) throw new ConfigError(`${variable} must be between 0 and 65535, got ${port}`);
  return port;
}

export function validateNeo4jUri(uri: string): string {
  const match = /^([a-z0-9+]+):\/\/[^/\s]+/i.exec(uri);
  const scheme = match?.[1]?.toLowerCase();
  if (!scheme || !(SUPPORTED_SCHEMES as readonly string[]).includes(scheme)) {
    throw new ConfigError(
      `NEO4J_URI must look like bolt://host:7687 or neo4j+s://host (schemes: ${SUPPORTED_SCHEMES.join(', ')}), got "${uri}"`,
    );
  }
  return uri;
}

/**
 * Reads NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE (and, for the
 * local launcher, NEO4J_DATA_DIR and NEO4J_BOLT_PORT). When NEO4J_URI is set
 * nothing is launched.
 */
export function resolveNeo4jTarget(env: Env = process.env): Neo4jTarget {
  const username = nonEmpty(env.NEO4J_USERNAME) ?? DEFAULT_USERNAME;
  const database = nonEmpty(env.NEO4J_DATABASE) ?? DEFAULT_DATABASE;
  const uri = nonEmpty(env.NEO4J_URI);
  if (uri !== undefined) {
    const password = env.NEO4J_PASSWORD;
    if (password === undefined) throw new ConfigError('NEO4J_URI is set but NEO4J_PASSWORD is not');
    return { kind: 'external', credentials: { uri: validateNeo4jUri(uri), username, password, database } };
  }
  const password = nonEmpty(env.NEO4J_PASSWORD) ?? DEFAULT_LOCAL_PASSWORD;
  if (password.length < 8) throw new ConfigError('NEO4J_PASSWORD must have at least 8 characters (a Neo4j rule)');
  if (database !== DEFAULT_DATABASE) {
    // Community runs a single user database named "neo4j".
    throw new ConfigError(`the local Neo4j (Community) only has the database "neo4j"; NEO4J_DATABASE is "${database}"`);
  }
  const dataDir = path.resolve(REPO_ROOT, nonEmpty(env.NEO4J_DATA_DIR) ?? DEFAULT_DATA_DIR);
  const portText = nonEmpty(env.NEO4J_BOLT_PORT);
  const boltPort = portText === undefined ? DEFAULT_BOLT_PORT : parsePort(portText, 'NEO4J_BOLT_PORT');
  return { kind: 'launch', username, password, database, dataDir, boltPort };
}
