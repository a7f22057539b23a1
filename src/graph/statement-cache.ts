// Statement texts by plan: the Cypher of a plan is built once per shape, so
// Neo4j's plan cache is hit. Bounded, so hostile shapes cannot grow it without end.
const statements = new Map<string, string>();
const MAX_CACHED_STATEMENTS = 2_000;

export function cachedStatement(key: string, build: () => string): string {
  let text = statements.get(key);
  if (text === undefined) {
    if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
    text = build();
    statements.set(key, text);
  }
  return text;
}
