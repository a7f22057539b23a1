// Ranking metrics for the judged query set (test/fixtures/relevance/).
//   nDCG@k: graded gain (2^grade - 1) discounted by log2(rank + 1), over the ideal order.
//   recall@k: relevant nodes in the top k over min(k, relevant nodes), so a
//   query with more relevant nodes than k can still reach 1.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../src/store/config.js';

export interface JudgedQuery {
  query: string;
  kind: string;
  note?: string;
  /** Node id → grade (2 about it, 1 discusses it). */
  relevant: Record<string, number>;
}

export const JUDGED_QUERIES_PATH = path.join(REPO_ROOT, 'test', 'fixtures', 'relevance', 'judged-queries.json');

export function readJudgedQueries(file = JUDGED_QUERIES_PATH): JudgedQuery[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: JudgedQuery[] }).queries;
}

const gain = (grade: number): number => 2 ** grade - 1;
const discount = (index: number): number => 1 / Math.log2(index + 2);

export function ndcgAt(k: number, ranked: readonly string[], relevant: Readonly<Record<string, number>>): number {
  const dcg = ranked.slice(0, k).reduce((sum, id, index) => sum + gain(relevant[id] ?? 0) * discount(index), 0);
  const ideal = Object.values(relevant)
    .filter((grade) => grade > 0)
    .sort((left, right) => right - left)
    .slice(0, k)
    .reduce((sum, grade, index) => sum + gain(grade) * discount(index), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

export function recallAt(k: number, ranked: readonly string[], relevant: Readonly<Record<string, number>>): number {
  const wanted = Object.keys(relevant).filter((id) => (relevant[id] ?? 0) > 0);
  if (wanted.length === 0) return 0;
  const top = new Set(ranked.slice(0, k));
  return wanted.filter((id) => top.has(id)).length / Math.min(k, wanted.length);
}

export interface RelevanceScores {
  ndcg10: number;
  recall20: number;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
