// One service per data directory. `npm start` claims the directory of the
// local Neo4j (service.json: pid, port, start time) before it touches the
// database, so a second `npm start` on the same directory stops at once with
// one line that says who owns it, instead of attaching to the first one's
// Neo4j and loading its own dataset into it. A claim left by a process that
// no longer runs is taken over.
import fs from 'node:fs';
import path from 'node:path';

export const OWNER_FILE = 'service.json';

export class OwnershipError extends Error {
  override name = 'OwnershipError';
}

export interface Owner {
  pid: number;
  port: number;
  startedAt: string;
}

export interface Claim {
  owner: Owner;
  /** Gives the directory up (only if this process still holds it). */
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readOwner(dataDir: string): Owner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_FILE), 'utf8')) as Owner;
    return typeof owner.pid === 'number' ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** Claims `dataDir` for this process, or throws OwnershipError naming the live owner. */
export function claimDataDirectory(dataDir: string, port: number): Claim {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, OWNER_FILE);
  const owner: Owner = { pid: process.pid, port, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      // 'wx': created only if absent, so two services starting together cannot both win.
      fs.writeFileSync(file, `${JSON.stringify(owner)}\n`, { flag: 'wx' });
      const release = () => {
        if (readOwner(dataDir)?.pid === process.pid) fs.rmSync(file, { force: true });
      };
      process.once('exit', release);
      return { owner, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = readOwner(dataDir);
    if (current && current.pid !== process.pid && isAlive(current.pid)) {
      throw new OwnershipError(
        `the data directory ${dataDir} is owned by the service with pid ${current.pid} (port ${current.port}, started ${current.startedAt}); ` +
          'stop that service first, or give this one its own NEO4J_DATA_DIR',
      );
    }
    // Left by a process that is gone (or unreadable): take it over.
    fs.rmSync(file, { force: true });
  }
  throw new OwnershipError(`could not claim the data directory ${dataDir}: ${file} keeps reappearing`);
}
