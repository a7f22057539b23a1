// Harness side of a server child process: fork, wait for "ready", ask for
// stats and profiles over IPC, stop it (and make sure it is gone).
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StatementProfile } from '../instrumentation/profile.js';
import type { ChildMessage, HarnessMessage, ProcessStats, ServerKind } from './protocol.js';

const CHILD_ENTRY = path.join(path.dirname(fileURLToPath(import.meta.url)), 'child.ts');

export interface ServerProcessOptions {
  kind: ServerKind;
  port: number;
  env: Record<string, string>;
  startTimeoutMs?: number;
  /** Extra Node options of the child (e.g. --cpu-prof). */
  nodeOptions?: string[];
}

type Pending = (message: ChildMessage) => void;

export class ServerProcess {
  private nextRequestId = 1;
  private readonly pending = new Map<number, Pending>();
  private exited = false;

  private constructor(
    readonly kind: ServerKind,
    readonly url: string,
    readonly pid: number,
    private readonly child: ChildProcess,
  ) {
    child.on('message', (message: ChildMessage) => {
      if ('requestId' in message) {
        this.pending.get(message.requestId)?.(message);
        this.pending.delete(message.requestId);
      }
    });
    child.on('exit', () => {
      this.exited = true;
    });
  }

  static async start(options: ServerProcessOptions): Promise<ServerProcess> {
    const child = fork(CHILD_ENTRY, [options.kind, String(options.port)], {
      execArgv: [...(options.nodeOptions ?? []), '--import', 'tsx'],
      env: { ...process.env, ...options.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const timeoutMs = options.startTimeoutMs ?? 60_000;
    const ready = await new Promise<{ url: string; pid: number }>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${options.kind} server did not start within ${timeoutMs} ms\n${stderr}`));
      }, timeoutMs);
      child.on('message', (message: ChildMessage) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          resolve({ url: message.url, pid: message.pid });
        } else if (message.type === 'failed') {
          clearTimeout(timer);
          reject(new Error(`${options.kind} server failed to start: ${message.message}`));
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${options.kind} server exited with code ${code ?? 'null'} before it was ready\n${stderr}`));
      });
    });
    return new ServerProcess(options.kind, ready.url, ready.pid, child);
  }

  private ask(type: HarnessMessage['type'], timeoutMs = 60_000): Promise<ChildMessage> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new Error(`${this.kind} server did not answer "${type}" within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(requestId, (message) => {
        clearTimeout(timer);
        resolve(message);
      });
      this.child.send({ type, requestId } satisfies HarnessMessage);
    });
  }

  async stats(): Promise<ProcessStats> {
    const answer = await this.ask('stats');
    if (answer.type !== 'stats') throw new Error(`unexpected answer ${answer.type} to stats`);
    return answer.stats;
  }

  /** Profiles the Cypher the server sends while `action` runs. */
  async profileDuring(action: () => Promise<void>): Promise<StatementProfile[]> {
    await this.ask('capture-start');
    await action();
    const answer = await this.ask('capture-stop', 120_000);
    if (answer.type !== 'captured') throw new Error(`unexpected answer ${answer.type} to capture-stop`);
    return answer.statements;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    try {
      await this.ask('stop', 15_000);
      // It exits by itself after answering (writing its CPU profile first, when profiled).
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000).unref())]);
    } catch {
      // Not answering: fall through to the signal below.
    }
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    if (!this.exited) this.child.kill('SIGTERM');
    await exited;
    clearTimeout(timer);
  }
}
