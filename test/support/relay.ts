// Test support: plays a Neo4j outage without touching Neo4j itself.
import net from 'node:net';
import neo4j, { type Driver } from 'neo4j-driver';

/** A TCP relay in front of Neo4j that can be cut and restored, to play an outage. */
export class Relay {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    const address = this.server.address();
    if (typeof address === 'object' && address) this.port = address.port;
  }

  async cut(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = undefined;
  }
}

/** The test Neo4j behind a relay, and a driver that reaches it only through the relay (short retries). */
export async function relayedTestNeo4j(neo4jTarget: { uri: string; username: string; password: string }): Promise<{ relay: Relay; driver: Driver }> {
  const target = new URL(neo4jTarget.uri.replace(/^[a-z+]+:/, 'http:'));
  const relay = new Relay({ host: target.hostname, port: Number(target.port) });
  await relay.open();
  const driver = neo4j.driver(`bolt://127.0.0.1:${relay.port}`, neo4j.auth.basic(neo4jTarget.username, neo4jTarget.password), {
    connectionTimeout: 1_000,
    maxTransactionRetryTime: 1_000,
  });
  return { relay, driver };
}
