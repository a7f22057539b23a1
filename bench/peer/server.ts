// The peer: the same graph served by @neo4j/graphql 7 behind Apollo Server on
// express, configured the way the library documents (one Neo4jGraphQL schema,
// the driver handed to each request through the context).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { Neo4jGraphQL, type Neo4jGraphQLContext } from '@neo4j/graphql';
import express from 'express';
import type { Driver } from 'neo4j-driver';
import { peerTypeDefs, type PeerSearchIndexes } from './type-defs.js';

export interface PeerServerOptions {
  driver: Driver;
  database: string;
  port: number;
  searchIndexes: PeerSearchIndexes;
}

export interface RunningPeerServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export async function startPeerServer(options: PeerServerOptions): Promise<RunningPeerServer> {
  const library = new Neo4jGraphQL({
    typeDefs: peerTypeDefs(options.searchIndexes),
    driver: options.driver,
    // A leaner schema: the deprecated aliases of the filters are not needed.
    features: {
      excludeDeprecatedFields: {
        mutationOperations: true,
        aggregationFilters: true,
        aggregationFiltersOutsideConnection: true,
        relationshipFilters: true,
        attributeFilters: true,
      },
    },
  });
  const schema = await library.getSchema();

  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Neo4jGraphQLContext>({
    schema,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  app.get('/health', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async () => ({ executionContext: options.driver, sessionConfig: { database: options.database } }),
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    async stop() {
      await apollo.stop();
    },
  };
}
