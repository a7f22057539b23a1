// Applies the schema files in cypher/ (NNN-name.cypher) in order and records
// each applied file as a (:Migration) node, so running again is a no-op.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { DEFAULT_DATABASE, REPO_ROOT } from './config.js';

export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'cypher');
const FILE_NAME = /^(\d{3})-[a-z0-9-]+\.cypher$/;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export interface Migration {
  name: string;
  checksum: string;
  statements: string[];
}

export interface MigrationReport {
  applied: string[];
  skipped: string[];
}

/** Splits a .cypher file into statements: `//` comment lines are dropped, statements end with `;` at the end of a line. */
export function parseCypherStatements(text: string): string[] {
  const lines = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return lines
    .split(/;[ \t]*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const names = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.cypher'))
    .sort();
  const seen = new Set<string>();
  return names.map((name) => {
    const match = FILE_NAME.exec(name);
    if (!match) throw new MigrationError(`${path.join(dir, name)}: migration files are named NNN-some-name.cypher`);
    if (seen.has(match[1]!)) throw new MigrationError(`${dir}: two migrations are numbered ${match[1]}`);
    seen.add(match[1]!);
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    const statements = parseCypherStatements(text);
    if (statements.length === 0) throw new MigrationError(`${path.join(dir, name)} holds no statement`);
    return { name, checksum: createHash('sha256').update(text).digest('hex'), statements };
  });
}

/**
 * Applies the migrations not yet recorded in `database`. Schema statements run
 * one per transaction (Neo4j does not mix schema and data writes); they use
 * IF NOT EXISTS so a run interrupted half-way can simply be repeated. An
 * applied file whose content changed is refused: add a new file instead.
 */
export async function migrate(
  driver: Driver,
  { database = DEFAULT_DATABASE, dir = MIGRATIONS_DIR, log = () => {} }: { database?: string; dir?: string; log?: (line: string) => void } = {},
): Promise<MigrationReport> {
  const migrations = readMigrations(dir);
  await driver.executeQuery('CREATE CONSTRAINT migration_name IF NOT EXISTS FOR (m:Migration) REQUIRE m.name IS UNIQUE', {}, { database });
  const { records } = await driver.executeQuery(
    'MATCH (m:Migration) RETURN m.name AS name, m.checksum AS checksum',
    {},
    { database, routing: 'READ' },
  );
  const applied = new Map(records.map((record) => [record.get('name') as string, record.get('checksum') as string]));

  const report: MigrationReport = { applied: [], skipped: [] };
  for (const migration of migrations) {
    const recorded = applied.get(migration.name);
    if (recorded !== undefined) {
      if (recorded !== migration.checksum) {
        throw new MigrationError(
          `cypher/${migration.name} was changed after it was applied to database "${database}"; schema changes go into a new numbered file`,
        );
      }
      report.skipped.push(migration.name);
      continue;
    }
    for (const statement of migration.statements) {
      try {
        await driver.executeQuery(statement, {}, { database });
      } catch (error) {
        throw new MigrationError(`cypher/${migration.name} failed on:\n${statement}\n${(error as Error).message}`, { cause: error });
      }
    }
    await driver.executeQuery(
      'MERGE (m:Migration {name: $name}) SET m.checksum = $checksum, m.appliedAt = $appliedAt',
      { name: migration.name, checksum: migration.checksum, appliedAt: new Date().toISOString() },
      { database },
    );
    log(`Applied cypher/${migration.name} (${migration.statements.length} statements)`);
    report.applied.push(migration.name);
  }
  if (report.applied.length > 0) {
    // New indexes populate in the background; wait so the first queries use them.
    await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database, transactionConfig: { timeout: 310_000 } });
  }
  return report;
}
