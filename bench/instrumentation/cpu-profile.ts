// Summary of a V8 CPU profile (the .cpuprofile JSON `node --cpu-prof` writes):
// self time per function and per origin (our code, a package, Node itself,
// garbage collection), as a share of the time the process was busy.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  /** Microseconds since the previous sample (the first since startTime). */
  timeDeltas: number[];
}

export interface SelfTimeEntry {
  /** Function name and where it is (`name path:line`), or a V8 pseudo-entry such as `(garbage collector)`. */
  name: string;
  origin: string;
  selfMs: number;
  /** Share of the busy time (everything but idle), percent. */
  percent: number;
}

export interface CpuProfileSummary {
  totalMs: number;
  idleMs: number;
  busyMs: number;
  top: SelfTimeEntry[];
  byOrigin: { origin: string; selfMs: number; percent: number }[];
}

/**
 * Where a function comes from: `ours (src/)`, `bench/`, a package under
 * node_modules (`neo4j-driver-bolt-connection`, `@apollo/server`), `node`
 * internals, or a V8 pseudo-entry (`(garbage collector)`, `(program)`).
 */
export function originOf(callFrame: CpuProfileNode['callFrame']): string {
  const { functionName, url } = callFrame;
  if (url === '') return /^\(.*\)$/.test(functionName) ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node';
  const parts = url.replace(/^file:\/\//, '').split('/');
  const modules = parts.lastIndexOf('node_modules');
  if (modules >= 0) {
    const first = parts[modules + 1] ?? '?';
    return first.startsWith('@') ? `${first}/${parts[modules + 2] ?? '?'}` : first;
  }
  const src = parts.lastIndexOf('src');
  if (src >= 0) return 'ours (src/)';
  if (parts.includes('bench')) return 'bench/';
  return 'other';
}

function displayName(callFrame: CpuProfileNode['callFrame']): string {
  const { functionName, url, lineNumber } = callFrame;
  if (url === '') return functionName || '(anonymous)';
  const parts = url.replace(/^file:\/\//, '').split('/');
  const modules = parts.lastIndexOf('node_modules');
  const project = Math.max(parts.lastIndexOf('src'), parts.lastIndexOf('bench'));
  const from = modules >= 0 ? modules + 1 : project >= 0 ? project : Math.max(0, parts.length - 3);
  const short = parts.slice(from).join('/');
  // lineNumber is zero-based in the profile.
  return `${functionName || '(anonymous)'} ${short}:${lineNumber + 1}`;
}

const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** A time window on the profile's clock (microseconds, the same monotonic clock as process.hrtime). */
export interface ProfileWindow {
  fromMicros: number;
  toMicros: number;
}

/**
 * Self time per function: each sample is charged the time until the next
 * sample (the last one the mean interval), as Chrome DevTools does. With a
 * window, only the samples taken inside it count (start-up is left out).
 */
export function summariseCpuProfile(profile: CpuProfile, top = 15, window?: ProfileWindow): CpuProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<number, number>();
  const { samples, timeDeltas } = profile;
  const meanInterval = samples.length > 1 ? timeDeltas.slice(1).reduce((a, b) => a + b, 0) / (samples.length - 1) : 0;
  let timestamp = profile.startTime;
  for (let i = 0; i < samples.length; i += 1) {
    timestamp += timeDeltas[i] ?? 0;
    if (window && (timestamp < window.fromMicros || timestamp > window.toMicros)) continue;
    const duration = i + 1 < samples.length ? (timeDeltas[i + 1] ?? 0) : meanInterval;
    const id = samples[i] ?? -1;
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + Math.max(0, duration));
  }
  const byName = new Map<string, { origin: string; micros: number }>();
  let idleMicros = 0;
  let totalMicros = 0;
  for (const [id, micros] of selfMicros) {
    const node = byId.get(id);
    if (!node) continue;
    totalMicros += micros;
    if (node.callFrame.functionName === '(idle)' && node.callFrame.url === '') {
      idleMicros += micros;
      continue;
    }
    const name = displayName(node.callFrame);
    const entry = byName.get(name) ?? { origin: originOf(node.callFrame), micros: 0 };
    entry.micros += micros;
    byName.set(name, entry);
  }
  const busyMicros = totalMicros - idleMicros;
  const percent = (micros: number): number => (busyMicros > 0 ? round((micros / busyMicros) * 100) : 0);
  const origins = new Map<string, number>();
  for (const { origin, micros } of byName.values()) origins.set(origin, (origins.get(origin) ?? 0) + micros);
  return {
    totalMs: round(totalMicros / 1000),
    idleMs: round(idleMicros / 1000),
    busyMs: round(busyMicros / 1000),
    top: [...byName.entries()]
      .sort((a, b) => b[1].micros - a[1].micros)
      .slice(0, top)
      .map(([name, { origin, micros }]) => ({ name, origin, selfMs: round(micros / 1000), percent: percent(micros) })),
    byOrigin: [...origins.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([origin, micros]) => ({ origin, selfMs: round(micros / 1000), percent: percent(micros) })),
  };
}

/**
 * The main thread's profile of process `pid` in `dir`: node names the files
 * CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile, the main thread being 0
 * (the module loader's thread writes its own file).
 */
export function readMainThreadProfile(dir: string, pid: number): CpuProfile | null {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile') && name.split('.')[3] === String(pid) && name.split('.')[4] === '0');
  return file ? (JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile) : null;
}
