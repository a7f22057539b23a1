// Values the global setup hands to the integration tests through vitest's provide/inject.
declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
    neo4jDatabase: string;
    /** The graph file the setup loaded (the toolkit graph, or the mini fixture before it exists). */
    graphPath: string;
  }
}

export {};
