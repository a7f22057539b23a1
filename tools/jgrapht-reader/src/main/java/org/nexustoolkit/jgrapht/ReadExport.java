package org.nexustoolkit.jgrapht;

import java.io.File;
import java.util.HashMap;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.gexf.SimpleGEXFImporter;
import org.jgrapht.nio.graphml.GraphMLImporter;

/**
 * Reads a GraphML (schema validation on) or GEXF file with JGraphT and prints
 * one JSON line: node and edge counts, the "id" attribute of every node, the
 * derived "analytics_*" attributes of every node that has them (value and
 * type, by graph id). (JGraphT 1.5 does not pass GraphML graph-level data on.)
 * Usage: ReadExport graphml|gexf FILE
 */
public final class ReadExport {
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ReadExport graphml|gexf FILE");
      System.exit(2);
    }
    Map<String, Map<String, Attribute>> vertexAttributes = new HashMap<>();
    File file = new File(args[1]);
    int[] counter = {0};
    java.util.function.Supplier<String> vertices = () -> "v" + counter[0]++;
    java.util.function.Supplier<Object> edges = Object::new;
    Graph<String, Object> graph = new DirectedPseudograph<>(vertices, edges, false);
    if (args[0].equals("graphml")) {
      GraphMLImporter<String, Object> importer = new GraphMLImporter<>();
      importer.setSchemaValidation(true);
      importer.setVertexFactory(id -> id);
      importer.addVertexAttributeConsumer((pair, attribute) ->
          vertexAttributes.computeIfAbsent(pair.getFirst(), key -> new HashMap<>()).put(pair.getSecond(), attribute));
      importer.importGraph(graph, file);
    } else if (args[0].equals("gexf")) {
      // JGraphT bundles the GEXF 1.2draft schema only; the export is GEXF 1.3, so no validation here.
      SimpleGEXFImporter<String, Object> importer = new SimpleGEXFImporter<>();
      importer.setSchemaValidation(false);
      importer.setVertexFactory(id -> id);
      importer.addVertexAttributeConsumer((pair, attribute) ->
          vertexAttributes.computeIfAbsent(pair.getFirst(), key -> new HashMap<>()).put(pair.getSecond(), attribute));
      importer.importGraph(graph, file);
    } else {
      System.err.println("unknown format " + args[0]);
      System.exit(2);
    }
    StringBuilder ids = new StringBuilder();
    StringBuilder analytics = new StringBuilder();
    for (String vertex : graph.vertexSet()) {
      Map<String, Attribute> attributes = vertexAttributes.getOrDefault(vertex, Map.of());
      // GEXF keeps the graph id as the node id; GraphML in the "id" attribute.
      String id = attributes.containsKey("id") ? attributes.get("id").getValue() : args[0].equals("gexf") ? vertex : null;
      if (id == null) continue;
      if (attributes.containsKey("id")) {
        if (ids.length() > 0) ids.append(',');
        ids.append(quote(id));
      }
      StringBuilder derived = new StringBuilder();
      for (Map.Entry<String, Attribute> entry : new java.util.TreeMap<>(attributes).entrySet()) {
        if (!entry.getKey().startsWith("analytics_")) continue;
        if (derived.length() > 0) derived.append(',');
        derived.append(quote(entry.getKey())).append(":{\"value\":").append(quote(entry.getValue().getValue()))
            .append(",\"type\":").append(quote(entry.getValue().getType().toString())).append('}');
      }
      if (derived.length() == 0) continue;
      if (analytics.length() > 0) analytics.append(',');
      analytics.append(quote(id)).append(":{").append(derived).append('}');
    }
    System.out.println("{\"nodes\":" + graph.vertexSet().size() + ",\"edges\":" + graph.edgeSet().size() + ",\"ids\":[" + ids
        + "],\"analytics\":{" + analytics + "}}");
  }

  /** A JSON string literal. */
  private static String quote(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') out.append('\\').append(c);
      else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
      else out.append(c);
    }
    return out.append('"').toString();
  }
}
