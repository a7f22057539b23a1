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
 * one JSON line: node and edge counts and the "id" attribute of every node.
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
    for (String vertex : graph.vertexSet()) {
      Attribute id = vertexAttributes.getOrDefault(vertex, Map.of()).get("id");
      if (id == null) continue;
      if (ids.length() > 0) ids.append(',');
      ids.append('"').append(id.getValue().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    }
    System.out.println("{\"nodes\":" + graph.vertexSet().size() + ",\"edges\":" + graph.edgeSet().size() + ",\"ids\":[" + ids + "]}");
  }
}
