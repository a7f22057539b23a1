"""Reads a GraphML or GEXF export with networkx (and GraphML also with igraph)
and prints one JSON object per reader: node and edge counts, and the graph ids
and attributes of a few nodes, for the export tests to compare with the dataset.

Usage: python read_export.py graphml|gexf FILE [NODE_ID ...]
"""
import json
import sys

import networkx as nx


def networkx_summary(graph, node_key, wanted):
    by_graph_id = {node_key(node, data): (node, data) for node, data in graph.nodes(data=True)}
    nodes = {}
    for graph_id in wanted:
        if graph_id in by_graph_id:
            _, data = by_graph_id[graph_id]
            nodes[graph_id] = {key: value for key, value in data.items() if isinstance(value, (str, int, float, bool, dict))}
    return {
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "graph_ids": sorted(by_graph_id),
        "sample": nodes,
    }


def main():
    kind, path, *wanted = sys.argv[1:]
    out = {}
    if kind == "graphml":
        graph = nx.read_graphml(path, force_multigraph=True)
        out["networkx"] = networkx_summary(graph, lambda node, data: data["id"], wanted)
        import igraph

        ig = igraph.Graph.Read_GraphML(path)
        out["igraph"] = {
            "nodes": ig.vcount(),
            "edges": ig.ecount(),
            "directed": ig.is_directed(),
            "graph_ids": sorted(ig.vs["id"]),
        }
    elif kind == "gexf":
        graph = nx.read_gexf(path)
        out["networkx"] = networkx_summary(graph, lambda node, data: node, wanted)
    else:
        raise SystemExit(f"unknown format {kind}")
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
