// Per-request reading of nodes and relationships. Everything a statement
// reads, at any depth of its look-ahead, is kept for the rest of the request
// (nodes merged by id, relationship lists by node and link), so a field whose
// data came with an earlier statement costs no round trip. What is missing is
// read through DataLoaders keyed by plan: one statement per plan and request
// level, whatever the number of rows.
import DataLoader from 'dataloader';
import { mergePlans, linkKey, linkPattern, orderOf, edgeProjection, planKey, projection, readLink, readNode, type Link, type LinkPlan, type NodePlan, type ReadSink } from '../graph/plan.js';
import type { GraphReader } from '../graph/reader.js';
import { cachedStatement } from '../graph/statement-cache.js';
import { covers, type NodeRecord, type Projected } from '../graph/values.js';
import { AnalyticsLoaders } from './repositories/analytics.js';
import { readRelated, type RelatedPlans, type RelatedResult } from './repositories/related.js';

function mergeProjected(left: Projected, right: Projected): Projected {
  if (left === '*' || right === '*') return '*';
  return [...new Set([...left, ...right])].sort();
}

interface LinkList {
  edgeKeys: Projected;
  links: Link[];
}

export class Loaders implements ReadSink {
  private readonly nodes = new Map<string, NodeRecord>();
  private readonly lists = new Map<string, LinkList>();
  private readonly nodeLoaders = new Map<string, DataLoader<string, NodeRecord | null>>();
  private readonly practiceLoaders = new Map<string, DataLoader<number, NodeRecord | null>>();
  private readonly linkLoaders = new Map<string, DataLoader<string, Link[]>>();
  private readonly relatedLoaders = new Map<string, DataLoader<string, RelatedResult>>();

  /** Stored network analytics of the current dataset. */
  readonly analytics: AnalyticsLoaders;

  constructor(readonly reader: GraphReader) {
    this.analytics = new AnalyticsLoaders(reader);
  }

  // ---- What statements read (ReadSink) --------------------------------------------

  /** Keeps a node read by any statement; returns the record with everything read of it so far. */
  node(record: NodeRecord): NodeRecord {
    const known = this.nodes.get(record.id);
    if (!known) {
      this.nodes.set(record.id, record);
      return record;
    }
    if (covers(known.projected, record.projected) && Object.keys(record.properties).every((key) => key in known.properties)) return known;
    const merged: NodeRecord = {
      id: record.id,
      labels: record.labels.length > 0 ? record.labels : known.labels,
      properties: { ...known.properties, ...record.properties },
      projected: mergeProjected(known.projected, record.projected),
    };
    this.nodes.set(record.id, merged);
    return merged;
  }

  links(ownerId: string, link: LinkPlan, links: Link[]): void {
    const key = `${linkKey(link)}:${ownerId}`;
    const known = this.lists.get(key);
    if (!known || !covers(known.edgeKeys, link.edgeKeys)) this.lists.set(key, { edgeKeys: link.edgeKeys, links });
  }

  /** Keeps nodes read outside a plan (search hits, paths) for later lookups. */
  keep(records: readonly NodeRecord[]): NodeRecord[] {
    return records.map((record) => this.node(record));
  }

  // ---- Lookups ------------------------------------------------------------------------

  private known(id: string, keys: Projected): NodeRecord | undefined {
    const record = this.nodes.get(id);
    return record && covers(record.projected, keys) ? record : undefined;
  }

  private knownLinks(ownerId: string, link: LinkPlan): Link[] | undefined {
    const list = this.lists.get(`${linkKey(link)}:${ownerId}`);
    if (!list || !covers(list.edgeKeys, link.edgeKeys)) return undefined;
    const links: Link[] = [];
    for (const item of list.links) {
      const node = this.known(item.node.id, link.node.keys);
      if (!node) return undefined;
      links.push({ edge: item.edge, node });
    }
    return links;
  }

  /** A node by id with what `plan` needs (null when the graph has no such node). */
  async nodeById(id: string, plan: NodePlan): Promise<NodeRecord | null> {
    // Links the plan would read ahead are left to the fields' own lookups (one statement per level at most).
    const known = this.known(id, plan.keys);
    if (known) return known;
    const key = planKey(plan);
    let loader = this.nodeLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const statement = cachedStatement(`node:${key}`, () => `UNWIND $ids AS id\nMATCH (x:Node {id: id})\nRETURN ${projection(plan, 'x')} AS x`);
        const rows = await this.reader.read<{ x: unknown }>(statement, { ids: [...new Set(ids)] });
        const byId = new Map<string, NodeRecord>();
        for (const row of rows) {
          const node = readNode(row.get('x'), plan, this);
          byId.set(node.id, node);
        }
        return ids.map((wanted) => byId.get(wanted) ?? null);
      });
      this.nodeLoaders.set(key, loader);
    }
    return loader.load(id);
  }

  /** A node the graph guarantees (the end of a stored relationship, the practice of a step). */
  async existingNode(id: string, plan: NodePlan): Promise<NodeRecord> {
    const node = await this.nodeById(id, plan);
    if (!node) throw new Error(`node ${id} is missing from the graph`);
    return node;
  }

  async practiceByNumber(number: number, requested: NodePlan): Promise<NodeRecord | null> {
    // The number finds the record again among the rows.
    const plan = mergePlans(requested, { keys: ['number'], links: [] });
    const key = planKey(plan);
    let loader = this.practiceLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (numbers) => {
        const statement = cachedStatement(
          `practice:${key}`,
          () => `UNWIND $numbers AS number\nMATCH (x:GoodPractice {number: number})\nRETURN ${projection(plan, 'x')} AS x`,
        );
        const rows = await this.reader.read<{ x: unknown }>(statement, { numbers: [...new Set(numbers)] });
        const byNumber = new Map<number, NodeRecord>();
        for (const row of rows) {
          const node = readNode(row.get('x'), plan, this);
          const value = node.properties['number'];
          if (typeof value === 'number') byNumber.set(value, node);
        }
        return numbers.map((wanted) => byNumber.get(wanted) ?? null);
      });
      this.practiceLoaders.set(key, loader);
    }
    return loader.load(number);
  }

  /** The relationships of one type in one direction from a node, with the nodes at the other end, in order. */
  async linksOf(ownerId: string, link: LinkPlan): Promise<Link[]> {
    const known = this.knownLinks(ownerId, link);
    if (known) return known;
    const key = `${linkKey(link)}[${link.edgeKeys === '*' ? '*' : link.edgeKeys.join(',')}]${planKey(link.node)}`;
    let loader = this.linkLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        // UNWIND + property match seeks the unique id index per key; `x.id IN $ids`
        // followed by an expansion is planned as a scan of the whole index.
        const statement = cachedStatement(
          `links:${key}`,
          () => `UNWIND $ids AS id
MATCH (x:Node {id: id})
MATCH ${linkPattern(link, 'x', 'r', 'o')}
WITH id, x, r, o ORDER BY id, ${orderOf(link, 'r', 'o')}
RETURN id AS key, ${edgeProjection(link, 'r')} AS edge, ${projection(link.node, 'o', 1)} AS node`,
        );
        const unique = [...new Set(ids)];
        const rows = await this.reader.read<{ key: string; edge: unknown; node: unknown }>(statement, { ids: unique });
        const byOwner = new Map<string, Link[]>(unique.map((id) => [id, []]));
        for (const row of rows) byOwner.get(row.get('key'))?.push(readLink(row.get('key'), row.get('edge'), row.get('node'), link, this));
        for (const [owner, links] of byOwner) this.links(owner, link, links);
        return ids.map((id) => byOwner.get(id) ?? []);
      });
      this.linkLoaders.set(key, loader);
    }
    return loader.load(ownerId);
  }

  /** The nodes at the other end, in order, without repeats. */
  async linkedNodes(ownerId: string, link: LinkPlan): Promise<NodeRecord[]> {
    const links = await this.linksOf(ownerId, link);
    const seen = new Set<string>();
    return links.flatMap((item) => (seen.has(item.node.id) ? [] : (seen.add(item.node.id), [item.node])));
  }

  async linkedNode(ownerId: string, link: LinkPlan): Promise<NodeRecord | null> {
    return (await this.linksOf(ownerId, link))[0]?.node ?? null;
  }

  /** Ranked related practices of many practices, one statement per plan. */
  related(practiceId: string, plans: RelatedPlans): Promise<RelatedResult> {
    const key = `${planKey(plans.practice)}|${planKey(plans.actors)}|${planKey(plans.instruments)}`;
    let loader = this.relatedLoaders.get(key);
    if (!loader) {
      loader = new DataLoader((ids) => readRelated(this.reader, ids, plans, this));
      this.relatedLoaders.set(key, loader);
    }
    return loader.load(practiceId);
  }
}
