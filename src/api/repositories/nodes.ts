// Plain lists of one label, behind `areas`, `footnotes`, `organizations`, … .
import { NODE_TYPE_BY_LABEL } from '../../graph/model.js';
import { planKey, projection, readNode, type NodePlan, type ReadSink } from '../../graph/plan.js';
import type { GraphReader } from '../../graph/reader.js';
import { cachedStatement } from '../../graph/statement-cache.js';
import type { NodeRecord } from '../../graph/values.js';

export interface ListOptions {
  /** Case-insensitive name or alias (Organization, Country), matched as `match` says. */
  name?: string | null | undefined;
  /** EXACT: the whole name or alias; PREFIX: its beginning; CONTAINS (default): any part. */
  match?: 'EXACT' | 'PREFIX' | 'CONTAINS' | null | undefined;
  /** Exact category (WatchPoint). */
  category?: string | null | undefined;
}

/** The statement listing a label; the label must be a listable label of the graph model (it is spliced in). */
export function listStatement(label: string, plan: NodePlan): string {
  const model = NODE_TYPE_BY_LABEL.get(label);
  if (!model?.listable) throw new Error(`${label} is not a listable label of the graph model`);
  return `MATCH (x:${label})
WHERE ($name IS NULL OR any(value IN [toLower(x.name)] + [alias IN coalesce(x.aliases, []) | toLower(alias)] WHERE
    CASE $match WHEN 'EXACT' THEN value = $name WHEN 'PREFIX' THEN value STARTS WITH $name ELSE value CONTAINS $name END))
  AND ($category IS NULL OR toLower(x.category) = $category)
WITH x ORDER BY ${model.listOrder.replace(/\bn\./g, 'x.')}
RETURN ${projection(plan, 'x')} AS x`;
}

/** All nodes of a label in their natural order (order, code, number, letter, name). */
export async function readNodesByLabel(
  reader: GraphReader,
  label: string,
  plan: NodePlan,
  sink: ReadSink,
  options: ListOptions = {},
): Promise<NodeRecord[]> {
  const statement = cachedStatement(`list:${label}:${planKey(plan)}`, () => listStatement(label, plan));
  const rows = await reader.read<{ x: unknown }>(statement, {
    name: options.name ? options.name.trim().toLowerCase() : null,
    match: options.match ?? 'CONTAINS',
    category: options.category ? options.category.trim().toLowerCase() : null,
  });
  return rows.map((row) => readNode(row.get('x'), plan, sink));
}
