// Read plans: which properties of a node (and of the relationships below it)
// a request needs, and the Cypher map projection that fetches exactly that,
// with the levels below in the same statement (COLLECT subqueries). Plans are
// built from GraphQL selections (src/api/plans.ts) and compiled here; the
// statement text depends only on the plan, so it is built once per shape and
// Neo4j's plan cache is hit.
import { linkOrder, NODE_TYPES, perLabelKeys, TECHNICAL_LABEL, type Direction, type PerLabelKeys } from './model.js';
import { toEdgeRecord, toNodeRecord, type EdgeRecord, type NodeRecord, type Projected } from './values.js';

export interface NodePlan {
  /** The nodes' label when only one is possible (then labels are not read). */
  label?: string;
  /** Stored properties to read besides `id` ('*' = all). */
  keys: Projected;
  /** Relationship lists to read in the same statement. */
  links: LinkPlan[];
  /**
   * Read, per node, only its own label's display keys and/or search fields
   * (views of nodes of any type: graph tools' labels, search snippets).
   */
  perLabel?: readonly PerLabelKeys[];
}

export interface LinkPlan {
  relationship: string;
  direction: Direction;
  /** Stored properties of the relationships besides `id` ('*' = all). */
  edgeKeys: Projected;
  node: NodePlan;
}

export const EMPTY_PLAN: NodePlan = { keys: [], links: [] };

/** A relationship seen from one of its nodes: the relationship and the node at the other end. */
export interface Link {
  edge: EdgeRecord;
  node: NodeRecord;
}

export function linkKey(link: { relationship: string; direction: Direction }): string {
  return `${link.relationship}:${link.direction}`;
}

function mergeKeys(left: Projected, right: Projected): Projected {
  if (left === '*' || right === '*') return '*';
  return [...new Set([...left, ...right])].sort();
}

/** The union of two plans (two fields asking for the same relationship). */
export function mergePlans(left: NodePlan, right: NodePlan): NodePlan {
  const links = new Map<string, LinkPlan>();
  for (const link of [...left.links, ...right.links]) {
    const key = linkKey(link);
    const known = links.get(key);
    links.set(
      key,
      known
        ? { ...known, edgeKeys: mergeKeys(known.edgeKeys, link.edgeKeys), node: mergePlans(known.node, link.node) }
        : link,
    );
  }
  // A plan without a label adds keys or links to the same nodes; two different labels mean labels must be read.
  const known = left.label !== undefined && right.label !== undefined && left.label !== right.label ? undefined : (left.label ?? right.label);
  const label = known !== undefined ? { label: known } : {};
  const kinds = [...new Set([...(left.perLabel ?? []), ...(right.perLabel ?? [])])].sort();
  const perLabel = kinds.length > 0 ? { perLabel: kinds } : {};
  return { ...label, ...perLabel, keys: mergeKeys(left.keys, right.keys), links: [...links.values()].sort((a, b) => linkKey(a).localeCompare(linkKey(b))) };
}

/** A canonical text of the plan: equal plans have equal keys. */
export function planKey(plan: NodePlan): string {
  const keys = `${plan.label ?? ''}${(plan.perLabel ?? []).map((kind) => `+${kind}`).join('')}:${plan.keys === '*' ? '*' : plan.keys.join(',')}`;
  if (plan.links.length === 0) return `{${keys}}`;
  const links = plan.links.map((link) => `${linkKey(link)}[${link.edgeKeys === '*' ? '*' : link.edgeKeys.join(',')}]${planKey(link.node)}`);
  return `{${keys}|${links.join(';')}}`;
}

/** Properties in a plan are names from the graph model; this guards the splice into Cypher. */
const PROPERTY_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const TYPE_NAME = /^[A-Z][A-Z0-9_]*$/;

function propertyList(keys: Projected, withId = true): string[] {
  if (keys === '*') return ['.*'];
  const named = keys.filter((key) => key !== 'id').map((key) => {
    if (!PROPERTY_NAME.test(key)) throw new Error(`"${key}" is not a property name of the graph model`);
    return `.${key}`;
  });
  // Relationships are read with their id only when a field shows it (each property read costs a db hit).
  return withId || keys.includes('id') ? ['.id', ...named] : named;
}

/**
 * The properties a per-label view reads, chosen by the node's label in the
 * statement, so each node costs only its own (labels and keys come from the model).
 */
function perLabelValues(variable: string, kinds: readonly PerLabelKeys[]): string {
  const cases = NODE_TYPES.map((type) => {
    const keys = perLabelKeys(type.label, kinds);
    return `WHEN '${type.label}' THEN [${keys.map((key) => `${variable}.${key}`).join(', ')}]`;
  });
  // One read of the labels, then string comparisons (a label predicate per case would cost a read each).
  return `CASE [label IN labels(${variable}) WHERE label <> '${TECHNICAL_LABEL}'][0] ${cases.join(' ')} ELSE [] END`;
}

/** Cypher of a link pattern from `from` over `r` to `to` in the link's direction. */
function pattern(link: LinkPlan, from: string, r: string, to: string): string {
  if (!TYPE_NAME.test(link.relationship)) throw new Error(`"${link.relationship}" is not a relationship type of the graph model`);
  // Relationships of the model only link toolkit nodes: no label check on the far end (it would cost a read per row).
  return link.direction === 'out' ? `(${from})-[${r}:${link.relationship}]->(${to})` : `(${from})<-[${r}:${link.relationship}]-(${to})`;
}

export function orderOf(link: { relationship: string; direction: Direction }, r: string, o: string): string {
  return linkOrder(link.relationship, link.direction).map((term) => term.replace(/^r\./, `${r}.`).replace(/^o\./, `${o}.`)).join(', ');
}

/** The map of a relationship's properties (its ends are the owner and the other node, known from the rows). */
function edgeMap(link: LinkPlan, r: string): string {
  return `${r}{${propertyList(link.edgeKeys, false).join(', ')}}`;
}

const projections = new Map<string, string>();

/** The map projection of `variable` under `plan`, with a COLLECT subquery per link (variables numbered by depth). */
export function projection(plan: NodePlan, variable: string, depth = 0): string {
  const key = `${variable}:${depth}:${planKey(plan)}`;
  let text = projections.get(key);
  if (text === undefined) {
    // Bounded like the statement cache: hostile shapes cannot grow it without end.
    if (projections.size >= 2_000) projections.clear();
    text = buildProjection(plan, variable, depth);
    projections.set(key, text);
  }
  return text;
}

function buildProjection(plan: NodePlan, variable: string, depth: number): string {
  const entries = [...propertyList(plan.keys), ...(plan.label ? [] : [`__labels: labels(${variable})`])];
  if (plan.perLabel && plan.perLabel.length > 0 && plan.keys !== '*') {
    entries.push(`__perLabel: ${perLabelValues(variable, plan.perLabel)}`, `__perLabelKinds: ${JSON.stringify(plan.perLabel.join(','))}`);
  }
  plan.links.forEach((link, index) => {
    const r = `r${depth + 1}`;
    const o = `o${depth + 1}`;
    entries.push(
      `__link${index}: COLLECT { MATCH ${pattern(link, variable, r, o)} WITH ${r}, ${o} ORDER BY ${orderOf(link, r, o)} ` +
        `RETURN {edge: ${edgeMap(link, r)}, node: ${projection(link.node, o, depth + 1)}} }`,
    );
  });
  return `${variable}{${entries.join(', ')}}`;
}

/** The map projection of the relationship `r` of a link list read at the top level of a statement. */
export function edgeProjection(link: LinkPlan, r: string): string {
  return edgeMap(link, r);
}

export { pattern as linkPattern };

/**
 * Receives everything a plan's projection returned: the node, and for each of
 * its links the list read, recursively, so later lookups need no round trip.
 */
export interface ReadSink {
  node(record: NodeRecord): NodeRecord;
  links(ownerId: string, link: LinkPlan, links: Link[]): void;
}

type Raw = Record<string, unknown>;

export function readNode(raw: unknown, plan: NodePlan, sink: ReadSink): NodeRecord {
  const map = raw as Raw;
  const node = sink.node(toNodeRecord(map, plan.keys, plan.label));
  plan.links.forEach((link, index) => {
    const items = (map[`__link${index}`] as Raw[] | undefined) ?? [];
    sink.links(node.id, link, items.map((item) => readLink(node.id, item['edge'], item['node'], link, sink)));
  });
  return node;
}

export function readLink(ownerId: string, rawEdge: unknown, rawNode: unknown, link: LinkPlan, sink: ReadSink): Link {
  const node = readNode(rawNode, link.node, sink);
  const [startId, endId] = link.direction === 'out' ? [ownerId, node.id] : [node.id, ownerId];
  return { edge: toEdgeRecord(rawEdge as Raw, link.relationship, startId, endId, link.edgeKeys), node };
}
