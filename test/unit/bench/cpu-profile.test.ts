import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { originOf, readMainThreadProfile, summariseCpuProfile, type CpuProfile } from '../../../bench/instrumentation/cpu-profile.js';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 0 });

// root -> idle, gc, run (ours) -> unpack (driver); samples every 1000 µs.
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 3, 4] },
    { id: 2, callFrame: frame('(idle)') },
    { id: 3, callFrame: frame('(garbage collector)') },
    { id: 4, callFrame: frame('resolvePractice', 'file:///repo/src/api/resolvers/practices.ts', 41), children: [5] },
    { id: 5, callFrame: frame('unpack', 'file:///repo/node_modules/neo4j-driver-bolt-connection/lib/packstream/packstream-v1.js', 9) },
    { id: 6, callFrame: frame('execute', 'file:///repo/node_modules/@apollo/server/dist/esm/requestPipeline.js', 99) },
  ],
  startTime: 1_000_000,
  endTime: 1_010_000,
  // idle x2, gc, ours x2, driver x4, apollo
  samples: [2, 2, 3, 4, 4, 5, 5, 5, 5, 6],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe('summariseCpuProfile', () => {
  it('charges each sample the time to the next one and leaves idle out of the busy time', () => {
    const summary = summariseCpuProfile(profile);
    expect(summary.totalMs).toBe(10);
    expect(summary.idleMs).toBe(2);
    expect(summary.busyMs).toBe(8);
    expect(summary.top.map((entry) => [entry.name, entry.selfMs, entry.percent])).toEqual([
      ['unpack neo4j-driver-bolt-connection/lib/packstream/packstream-v1.js:10', 4, 50],
      ['resolvePractice src/api/resolvers/practices.ts:42', 2, 25],
      ['(garbage collector)', 1, 12.5],
      ['execute @apollo/server/dist/esm/requestPipeline.js:100', 1, 12.5],
    ]);
  });

  it('groups self time by origin', () => {
    expect(summariseCpuProfile(profile).byOrigin).toEqual([
      { origin: 'neo4j-driver-bolt-connection', selfMs: 4, percent: 50 },
      { origin: 'ours (src/)', selfMs: 2, percent: 25 },
      { origin: '(garbage collector)', selfMs: 1, percent: 12.5 },
      { origin: '@apollo/server', selfMs: 1, percent: 12.5 },
    ]);
  });

  it('keeps only the samples inside a window', () => {
    // Sample timestamps are 1_001_000 … 1_010_000; keep the four driver samples' span.
    const summary = summariseCpuProfile(profile, 5, { fromMicros: 1_006_000, toMicros: 1_009_000 });
    expect(summary.busyMs).toBe(4);
    expect(summary.byOrigin).toEqual([{ origin: 'neo4j-driver-bolt-connection', selfMs: 4, percent: 100 }]);
  });

  it('limits the list of functions', () => {
    expect(summariseCpuProfile(profile, 2).top).toHaveLength(2);
  });
});

describe('originOf', () => {
  it('names our code, packages, node internals and V8 entries', () => {
    expect(originOf(frame('x', 'file:///w/src/graph/reader.ts'))).toBe('ours (src/)');
    expect(originOf(frame('x', 'file:///w/node_modules/graphql/execution/execute.js'))).toBe('graphql');
    expect(originOf(frame('x', 'file:///w/node_modules/@neo4j/graphql/dist/index.js'))).toBe('@neo4j/graphql');
    expect(originOf(frame('x', 'node:internal/streams/readable'))).toBe('node');
    expect(originOf(frame('(program)'))).toBe('(program)');
    expect(originOf(frame('JSON.parse'))).toBe('(native)');
    expect(originOf(frame('x', 'file:///w/bench/servers/child.ts'))).toBe('bench/');
  });
});

describe('readMainThreadProfile', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cpu-profile-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('picks the main thread (thread 0) of the given process', () => {
    writeFileSync(path.join(dir, 'CPU.20261129.151739.4242.0.001.cpuprofile'), JSON.stringify(profile));
    writeFileSync(path.join(dir, 'CPU.20261129.151740.4242.1.002.cpuprofile'), JSON.stringify({ ...profile, startTime: 7 }));
    writeFileSync(path.join(dir, 'CPU.20261129.151739.4343.0.001.cpuprofile'), JSON.stringify({ ...profile, startTime: 8 }));
    expect(readMainThreadProfile(dir, 4242)?.startTime).toBe(1_000_000);
    expect(readMainThreadProfile(dir, 9999)).toBeNull();
  });
});
