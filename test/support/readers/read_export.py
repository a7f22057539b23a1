"""Reads a GraphML or GEXF export with networkx (and GraphML also with igraph)
and prints one JSON object per reader: node and edge counts, the graph ids and
attributes of a few nodes, and the graph-level attributes, for the export tests
to compare with the dataset and the API.

Usage: python read_export.py graphml|gexf FILE [NODE_ID ...]
"""
import json
import math
import sys

import networkx as nx


def plain(value):
    """JSON-safe: igraph fills numeric attributes a node lacks with NaN."""
    return None if isinstance(value, float) and math.isnan(value) else value


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
        "graph": {key: value for key, value in graph.graph.items() if isinstance(value, (str, int, float, bool))},
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
            "sample": {
                vertex["id"]: {key: plain(value) for key, value in vertex.attributes().items()}
                for vertex in ig.vs
                if vertex["id"] in wanted
            },
            "graph": {key: ig[key] for key in ig.attributes()},
        }
    elif kind == "gexf":
        graph = nx.read_gexf(path)
        out["networkx"] = networkx_summary(graph, lambda node, data: node, wanted)
    else:
        raise SystemExit(f"unknown format {kind}")
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
