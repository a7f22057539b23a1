// Runs PROFILE on captured statements and summarises the plans: total database
// hits, and the operators that account for most of them.
import type { Driver } from 'neo4j-driver';
import type { CapturedStatement } from './recording-driver.js';

export interface OperatorHits {
  operator: string;
  details: string;
  dbHits: number;
  rows: number;
}

export interface StatementProfile {
  /** First characters of the statement, whitespace collapsed. */
  query: string;
  dbHits: number;
  rows: number;
  /** Operators with the most database hits, highest first. */
  topOperators: OperatorHits[];
  error?: string;
}

interface PlanLike {
  operatorType?: string;
  arguments?: Record<string, unknown>;
  dbHits?: number;
  rows?: number;
  children?: PlanLike[];
}

/** PROFILE goes after a leading `CYPHER <version/options>` line, before the statement. */
export function profiledText(query: string): string {
  const trimmed = query.trimStart();
  const prefix = /^(CYPHER\b[^\n]*\n)/i.exec(trimmed);
  if (prefix?.[1]) return `${prefix[1]}PROFILE ${trimmed.slice(prefix[1].length)}`;
  return `PROFILE ${trimmed}`;
}

export function flattenPlan(plan: PlanLike): OperatorHits[] {
  const details = plan.arguments?.Details;
  const own: OperatorHits = {
    operator: plan.operatorType ?? '?',
    details: typeof details === 'string' ? details.slice(0, 160) : '',
    dbHits: Number(plan.dbHits ?? 0),
    rows: Number(plan.rows ?? 0),
  };
  return [own, ...(plan.children ?? []).flatMap(flattenPlan)];
}

function summarise(query: string, plan: PlanLike): StatementProfile {
  const operators = flattenPlan(plan);
  return {
    query: query.replace(/\s+/g, ' ').trim().slice(0, 300),
    dbHits: operators.reduce((sum, operator) => sum + operator.dbHits, 0),
    rows: Number(plan.rows ?? 0),
    topOperators: operators
      .filter((operator) => operator.dbHits > 0)
      .sort((a, b) => b.dbHits - a.dbHits)
      .slice(0, 5),
  };
}

/** Profiles each statement in a read transaction (the statements are reads). */
export async function profileStatements(driver: Driver, statements: CapturedStatement[]): Promise<StatementProfile[]> {
  const profiles: StatementProfile[] = [];
  for (const statement of statements) {
    const session = driver.session({ database: statement.database, defaultAccessMode: 'READ' });
    try {
      const result = await session.executeRead((tx) => tx.run(profiledText(statement.query), statement.parameters));
      const plan = result.summary.profile;
      profiles.push(
        plan ? summarise(statement.query, plan as unknown as PlanLike) : { query: statement.query.slice(0, 300), dbHits: 0, rows: 0, topOperators: [] },
      );
    } catch (error) {
      profiles.push({
        query: statement.query.replace(/\s+/g, ' ').slice(0, 300),
        dbHits: 0,
        rows: 0,
        topOperators: [],
        error: error instanceof Error ? error.message.slice(0, 300) : String(error),
      });
    } finally {
      await session.close();
    }
  }
  return profiles;
}
