// Messages exchanged over the IPC channel between the harness and a server
// child process (bench/servers/child.ts).
import type { StatementProfile } from '../instrumentation/profile.js';

export type ServerKind = 'ours' | 'peer';

export type HarnessMessage =
  | { type: 'stats'; requestId: number }
  | { type: 'capture-start'; requestId: number }
  | { type: 'capture-stop'; requestId: number }
  | { type: 'stop'; requestId: number };

export interface ProcessStats {
  /** Cumulative user + system CPU time of the server process, microseconds. */
  cpuMicros: number;
  rssBytes: number;
  /** Cypher statements sent to Neo4j since the process started. */
  roundTrips: number;
  /** The process's monotonic clock (process.hrtime) in microseconds: the clock of its CPU profile. */
  clockMicros: number;
}

export type ChildMessage =
  | { type: 'ready'; url: string; pid: number }
  | { type: 'failed'; message: string }
  | { type: 'stats'; requestId: number; stats: ProcessStats }
  | { type: 'captured'; requestId: number; statements: StatementProfile[] }
  | { type: 'ack'; requestId: number };
