/**
 * The load script's runs (#16), on loopback only and bounded in count and time: N clients × M
 * edits on the article map through one sync server, then through two instances sharing Redis,
 * then one client (a process of its own) killed mid-burst and started again from the updates it
 * kept in a file. Each run checks that every client ends with the same document and that no edit
 * is missing; the first two measure edit-to-other-client latency and the server's memory and CPU.
 * Used by `npm run bench:collab` (tests/bench/collab.ts) and, small, by
 * tests/server/collabLoad.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { contentDocName } from '../../../src/collab/protocol';
import { writeMapToDoc } from '../../../src/collab/mapDoc';
import { parseMapText } from '../../../src/io/mapFile';
import type { ArgMap } from '../../../src/model/schema';
import {
  createSharedMap,
  makeLink,
  startRedis,
  startSyncServer,
  type RunningSyncServer,
} from '../../setup/syncServer';
import { BenchClient, allStamps, until, type SentAt } from './client';
import { cpuSeconds, findPid, rssBytes, sampleRss } from './procStats';
import type { VictimArgs } from './victim';

const ROOT = resolve(import.meta.dirname, '../../..');
const ARTICLE = join(ROOT, 'maps/us-japan-nuclear-sharing.argmap.json');

export interface LoadOptions {
  clients: number;
  edits: number;
  /** Pause between one client's edits (0: as fast as the event loop turns). */
  intervalMs: number;
  /** Upper bound on the whole run's waiting for edits to arrive (ms). */
  timeoutMs: number;
  /** Progress lines (the bench prints them; the test keeps quiet). */
  log?: (line: string) => void;
}

export interface ServerUse {
  /** RSS before the clients connected, and the peak while they worked (bytes). */
  rssIdle: number;
  rssPeak: number;
  /** CPU seconds the server used from the first connection to the last edit's arrival. */
  cpu: number;
  seconds: number;
}

export interface RunResult {
  name: string;
  clients: number;
  edits: number;
  /** Every client ended with the same document (state vectors and the map read back). */
  converged: boolean;
  /** Edits missing from some client's copy at the end (0: nothing lost). */
  lost: number;
  /** Edit-to-other-client latencies (ms). */
  latencies: number[];
  servers: ServerUse[];
  /** Wall time of the edits' burst until every edit had arrived everywhere (ms). */
  burstMs: number;
  /** CPU seconds this process (all the simulated clients but a killed one) used meanwhile. */
  clientCpu: number;
  notes: string[];
}

export function loadArticle(): ArgMap {
  const result = parseMapText(readFileSync(ARTICLE, 'utf8'));
  if (!result.ok) throw new Error('The article map does not load.');
  return result.map;
}

/** The p-th percentile (0–100) of `values`, nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

interface SharedMap {
  docName: string;
  token: string;
  nodeIds: string[];
}

/** Registers a fresh shared map at `server`, writes the article into it and waits till stored. */
async function shareArticle(server: RunningSyncServer): Promise<SharedMap> {
  const mapId = `bench-${Date.now()}-${randomBytes(3).toString('hex')}`;
  const { ownerToken } = await createSharedMap(server.httpUrl, mapId);
  const { token } = await makeLink(server.httpUrl, mapId, ownerToken, 'editor');
  const map = { ...loadArticle(), id: mapId };
  const docName = contentDocName(mapId);
  const seedDoc = new Y.Doc();
  writeMapToDoc(map, seedDoc);
  const seeder = new BenchClient(server.url, docName, token, -1, null, seedDoc);
  await until(() => seeder.settled, 'the map to reach the server', 60_000);
  seeder.destroy();
  return { docName, token, nodeIds: map.nodes.map((n) => n.id) };
}

/** Every client holds the same document; and each client's node ends with all its stamps. */
function check(clients: readonly BenchClient[], shared: SharedMap, edits: number, owners: number) {
  const vectors = clients.map((c) => Buffer.from(Y.encodeStateVector(c.doc)).toString('base64'));
  const maps = clients.map((c) => JSON.stringify(c.map()));
  const converged = vectors.every((v) => v === vectors[0]) && maps.every((m) => m === maps[0]);
  let lost = 0;
  for (const client of clients) {
    const texts = new Map(client.map().nodes.map((n) => [n.id, n.text]));
    for (let i = 0; i < owners; i++) {
      const text = texts.get(shared.nodeIds[i]!) ?? '';
      const want = allStamps(i, edits);
      if (!text.endsWith(want)) {
        // Count the stamps that are not there.
        for (let k = 0; k < edits; k++)
          if (!text.includes(` c${i}.${k} `) && !text.endsWith(` c${i}.${k}`)) lost++;
      }
    }
  }
  return { converged, lost };
}

const pause = (ms: number) =>
  new Promise<void>((resolve) => (ms ? setTimeout(resolve, ms) : setImmediate(resolve)));

/**
 * N clients, spread over `servers` in turn, each making M edits; waits until every client has
 * every other client's edits, then checks convergence.
 */
async function burst(
  name: string,
  servers: RunningSyncServer[],
  options: LoadOptions,
): Promise<RunResult> {
  const { clients: n, edits } = options;
  const log = options.log ?? (() => undefined);
  const shared = await shareArticle(servers[0]!);
  if (n > shared.nodeIds.length) throw new Error(`At most ${shared.nodeIds.length} clients.`);
  const pids = servers.map((s) => findPid(s.dataDir));
  const rssIdle = pids.map(rssBytes);
  const samplers = pids.map((pid) => sampleRss(pid));
  const cpuStart = pids.map(cpuSeconds);
  const started = performance.now();

  const sentAt: SentAt = new Map();
  const clients: BenchClient[] = [];
  for (let i = 0; i < n; i++) {
    const server = servers[i % servers.length]!;
    sentAt.set(i, []);
    const client = new BenchClient(server.url, shared.docName, shared.token, i, sentAt);
    client.assign(shared.nodeIds);
    clients.push(client);
  }
  try {
    await Promise.all(clients.map((c) => c.ready()));
    log(`${name}: ${n} clients synced`);
    const burstStart = performance.now();
    const clientCpuStart = process.cpuUsage();
    await Promise.all(
      clients.map(async (client, i) => {
        // Spread the clients' first edits over one interval.
        await pause(Math.floor((i / n) * options.intervalMs));
        for (let k = 0; k < edits; k++) {
          client.edit(k, shared.nodeIds[i]!);
          await pause(options.intervalMs);
        }
      }),
    );
    log(`${name}: all edits made; waiting for them to arrive`);
    const everywhere = () =>
      clients.every(
        (c) =>
          c.settled &&
          clients.every((o) => o === c || (c.arrivals.seen.get(o.index) ?? -1) === edits - 1),
      );
    await until(everywhere, 'every edit to reach every client', options.timeoutMs);
    const burstMs = performance.now() - burstStart;
    const used = process.cpuUsage(clientCpuStart);
    const clientCpu = (used.user + used.system) / 1e6;
    const servers_: ServerUse[] = pids.map((pid, s) => ({
      rssIdle: rssIdle[s]!,
      rssPeak: samplers[s]!.stop(),
      cpu: cpuSeconds(pid) - cpuStart[s]!,
      seconds: (performance.now() - started) / 1000,
    }));
    const { converged, lost } = check(clients, shared, edits, n);
    return {
      name,
      clients: n,
      edits,
      converged,
      lost,
      latencies: clients.flatMap((c) => c.arrivals.latencies),
      servers: servers_,
      burstMs,
      clientCpu,
      notes: [],
    };
  } finally {
    for (const sampler of samplers) sampler.stop();
    for (const client of clients) client.destroy();
  }
}

/** N × M through one server. */
export async function oneServer(options: LoadOptions): Promise<RunResult> {
  const server = await startSyncServer();
  try {
    return await burst('one server', [server], options);
  } finally {
    await server.dispose();
  }
}

/** N × M through two instances sharing a real redis-server; clients alternate between them. */
export async function twoServersWithRedis(options: LoadOptions): Promise<RunResult> {
  const redis = await startRedis();
  const secret = randomBytes(24).toString('base64url');
  const env = { REDIS_URL: redis.url, ARGMAP_SERVER_SECRET: secret };
  const servers: RunningSyncServer[] = [];
  try {
    servers.push(await startSyncServer({ env }));
    servers.push(await startSyncServer({ env }));
    return await burst('two servers + Redis', servers, options);
  } finally {
    for (const server of servers) await server.dispose();
    await redis.stop();
  }
}

interface Victim {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

/** Starts the separate client; `onEdit` hears the count of its edits as each is made. */
function startVictim(args: VictimArgs, onEdit?: (made: number) => void): Victim {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'tests/bench/collab/victim.ts', JSON.stringify(args)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const parts = text.split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
    if (onEdit && parts.some((l) => l.startsWith('edit ')))
      onEdit(lines.filter((l) => l.startsWith('edit ')).length);
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      if (code) lines.push(`error ${errors}`);
      resolve(code);
    }),
  );
  return { child, lines, exited };
}

const editsMade = (victim: Victim): number =>
  victim.lines.filter((l) => l.startsWith('edit ')).length;

/**
 * A few clients in this process and one in a process of its own make their edits; the latter is
 * killed (SIGKILL) halfway through its edits, started again from the file it kept, and goes on.
 * Every edit of every client, the killed one's included, must end in every copy.
 */
export async function killOneClient(options: LoadOptions): Promise<RunResult> {
  const log = options.log ?? (() => undefined);
  const n = Math.max(2, Math.min(options.clients, 5));
  const { edits } = options;
  const server = await startSyncServer();
  const folder = mkdtempSync(join(tmpdir(), 'argmap-victim-'));
  const clients: BenchClient[] = [];
  const notes: string[] = [];
  try {
    const shared = await shareArticle(server);
    const victimIndex = n;
    const args: VictimArgs = {
      url: server.url,
      docName: shared.docName,
      token: shared.token,
      index: victimIndex,
      nodeId: shared.nodeIds[victimIndex]!,
      edits,
      intervalMs: Math.max(options.intervalMs, 20),
      file: join(folder, 'updates.bin'),
    };
    for (let i = 0; i < n; i++) {
      const client = new BenchClient(server.url, shared.docName, shared.token, i, null);
      client.assign(shared.nodeIds);
      clients.push(client);
    }
    await Promise.all(clients.map((c) => c.ready()));
    const half = Math.floor(edits / 2);
    // Killed the moment it reports half its edits made, while the others go on editing.
    let victim = startVictim(args, (made) => {
      if (made >= half) victim.child.kill('SIGKILL');
    });
    const others = Promise.all(
      clients.map(async (client, i) => {
        for (let k = 0; k < edits; k++) {
          client.edit(k, shared.nodeIds[i]!);
          await pause(options.intervalMs);
        }
      }),
    );
    await victim.exited;
    if (victim.child.signalCode !== 'SIGKILL')
      throw new Error(`The separate client ended before it was killed: ${victim.lines.join('\n')}`);
    const before = editsMade(victim);
    log(`kill: killed the client after ${before} of its ${edits} edits`);
    notes.push(`killed after ${before}/${edits} edits`);
    victim = startVictim(args);
    await others;
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([
      victim.exited,
      new Promise<string>(
        (resolve) => (timer = setTimeout(() => resolve('timeout'), options.timeoutMs)),
      ),
    ]);
    clearTimeout(timer);
    if (code !== 0)
      throw new Error(`The restarted client failed (${code}): ${victim.lines.join('\n')}`);
    const resumed = victim.lines.find((l) => l.startsWith('resumed'));
    notes.push(
      `restarted from ${resumed?.split(' ')[1] ?? '?'} kept updates, at edit ${resumed?.split(' ')[2] ?? '?'}`,
    );
    // A fresh client reads what the server holds, beside the clients that stayed.
    const reader = new BenchClient(server.url, shared.docName, shared.token, -1, null);
    clients.push(reader);
    await reader.ready();
    await until(
      () => clients.every((c) => c.settled) && sameVectors(clients),
      'every copy to hold every edit',
      options.timeoutMs,
    );
    const { converged, lost } = check(clients, shared, edits, n + 1);
    return {
      name: 'one client killed',
      clients: n + 1,
      edits,
      converged,
      lost,
      latencies: [],
      servers: [],
      burstMs: 0,
      clientCpu: 0,
      notes,
    };
  } finally {
    for (const client of clients) client.destroy();
    await server.dispose();
    rmSync(folder, { recursive: true, force: true });
  }
}

function sameVectors(clients: readonly BenchClient[]): boolean {
  const first = Y.encodeStateVector(clients[0]!.doc);
  return clients.every((c) => Buffer.from(Y.encodeStateVector(c.doc)).equals(Buffer.from(first)));
}
