// Turns the store's expected failures into one clear line and an exit code, not a stack trace.
import { ConfigError } from '../config.js';
import { DatasetInUseError } from '../dataset.js';
import { Neo4jAuthError, Neo4jUnavailableError } from '../driver.js';
import { LauncherError, PrerequisiteError } from '../launcher.js';
import { OwnershipError } from '../ownership.js';

const EXPECTED = [ConfigError, Neo4jAuthError, Neo4jUnavailableError, LauncherError, PrerequisiteError, OwnershipError, DatasetInUseError];

export function reportFatal(error: unknown, context: string): never {
  if (error instanceof Error && EXPECTED.some((type) => error instanceof type)) {
    console.error(`${context}: ${error.message}`);
  } else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    const address = 'address' in error && 'port' in error ? ` ${String(error.address)}:${String(error.port)}` : '';
    console.error(`${context}: the address${address} is already in use (another service on this port? set PORT)`);
  } else if (error instanceof Error && error.name === 'GraphFileError') {
    console.error(`${context}: ${error.message}`);
  } else if (error instanceof Error && error.name === 'Neo4jError' && 'code' in error) {
    // A statement Neo4j refused: its code and message say why; the driver's stack does not.
    console.error(`${context}: Neo4j refused the operation (${String(error.code)}): ${error.message}`);
  } else {
    console.error(`${context}:`, error);
  }
  process.exit(1);
}
