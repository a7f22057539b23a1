// Per-request DataLoaders: every node lookup and every relationship of a
// request level is batched into one Cypher statement, whatever the number of rows.
import DataLoader from 'dataloader';
import type { GraphReader } from './graph-reader.js';
import type { NodeRecord } from './model.js';
import { readLinks, type Direction, type Link, type RelationshipType } from './repositories/links.js';
import { readNodesById, readPracticesByNumber } from './repositories/nodes.js';
import { readRelated, type RelatedResult } from './repositories/related.js';

export class Loaders {
  readonly nodeById: DataLoader<string, NodeRecord | null>;
  readonly practiceByNumber: DataLoader<number, NodeRecord | null>;
  readonly relatedPractices: DataLoader<string, RelatedResult>;
  private readonly linkLoaders = new Map<string, DataLoader<string, Link[]>>();

  constructor(private readonly reader: GraphReader) {
    this.nodeById = new DataLoader((ids) => readNodesById(reader, ids));
    this.practiceByNumber = new DataLoader(async (numbers) => {
      const practices = await readPracticesByNumber(reader, numbers);
      this.prime(practices);
      return practices;
    });
    this.relatedPractices = new DataLoader(async (ids) => {
      const results = await readRelated(reader, ids);
      for (const result of results) this.prime(result.nodes);
      return results;
    });
  }

  /** Makes nodes read by a list or relationship statement available to later lookups by id. */
  prime(nodes: readonly (NodeRecord | null)[]): void {
    for (const node of nodes) if (node) this.nodeById.prime(node.id, node);
  }

  /** The relationships of one type in one direction, from many nodes in one statement. */
  links(type: RelationshipType, direction: Direction): DataLoader<string, Link[]> {
    const key = `${type}:${direction}`;
    let loader = this.linkLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const lists = await readLinks(this.reader, type, direction, ids);
        for (const list of lists) this.prime(list.map((link) => link.node));
        return lists;
      });
      this.linkLoaders.set(key, loader);
    }
    return loader;
  }

  /** The nodes at the other end of the relationships, in order, without repeats. */
  async linkedNodes(id: string, type: RelationshipType, direction: Direction): Promise<NodeRecord[]> {
    const links = await this.links(type, direction).load(id);
    const seen = new Set<string>();
    return links.flatMap((link) => (seen.has(link.node.id) ? [] : (seen.add(link.node.id), [link.node])));
  }

  async linkedNode(id: string, type: RelationshipType, direction: Direction): Promise<NodeRecord | null> {
    const links = await this.links(type, direction).load(id);
    return links[0]?.node ?? null;
  }

  async node(id: string): Promise<NodeRecord | null> {
    return this.nodeById.load(id);
  }

  /** A node that must exist (the graph guarantees it, e.g. the start of a stored relationship). */
  async existingNode(id: string): Promise<NodeRecord> {
    const node = await this.nodeById.load(id);
    if (!node) throw new Error(`node ${id} is missing from the graph`);
    return node;
  }
}
