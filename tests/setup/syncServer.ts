/**
 * Real sync-server processes for tests (#16): `node --import tsx src/server/main.ts` on a free
 * loopback port with a temporary data folder and a known secret, so a test can mint tokens,
 * stop the server, restart it on the same port (clients reconnect to the same address) and read
 * what it stored. Used by tests/server/** and by the browser tests of shared maps.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type {
  CreateSharedMapAnswer,
  LinkAnswer,
  Role,
  ShareClaims,
} from '../../src/collab/protocol';
import { mintShareToken } from '../../src/server/tokens';

const ROOT = resolve(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 20_000;

export interface StartOptions {
  /** Default: a new temporary folder, removed by {@link RunningSyncServer.stop}`({ keepData: false })`. */
  dataDir?: string;
  /** Extra environment (e.g. REDIS_URL, ARGMAP_SERVER_MAX_PAGES). */
  env?: Record<string, string>;
  /** Default: a free port on the first start; the same port on restarts. */
  port?: number;
}

export interface RunningSyncServer {
  /** `ws://127.0.0.1:<port>` */
  url: string;
  /** `http://127.0.0.1:<port>` */
  httpUrl: string;
  port: number;
  secret: string;
  dataDir: string;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** SIGTERM (the server stores open documents) or, with `hard`, SIGKILL. Keeps the data folder. */
  stop(options?: { hard?: boolean }): Promise<void>;
  /** Stops (gracefully unless `hard`) and starts again on the same port with the same data. */
  restart(options?: { hard?: boolean; env?: Record<string, string> }): Promise<void>;
  /** Sends a signal to the server process (e.g. SIGUSR2, the full-disk test's "space returns"). */
  signal(signal: NodeJS.Signals): void;
  /** Stops and removes the data folder if this helper made it. */
  dispose(): Promise<void>;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export async function startSyncServer(options: StartOptions = {}): Promise<RunningSyncServer> {
  const madeDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'argmap-sync-'));
  const secret = options.env?.ARGMAP_SERVER_SECRET ?? randomBytes(24).toString('base64url');
  let env = { ...options.env };
  let port = options.port ?? 0;
  let child: ChildProcess | undefined;
  let log = '';

  const launch = async (): Promise<void> => {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/server/main.ts', '--data', dataDir],
      {
        cwd: ROOT,
        env: { ...process.env, PORT: String(port), ARGMAP_SERVER_SECRET: secret, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = proc;
    await new Promise<void>((resolveStart, reject) => {
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new Error(`The sync server did not start within ${START_TIMEOUT_MS} ms:\n${log}`));
      }, START_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        log += chunk.toString('utf8');
        const match = /listening on ws:\/\/[^:]+:(\d+)/.exec(
          log.slice(log.lastIndexOf('Argmap sync server')),
        );
        if (match) {
          port = Number(match[1]);
          clearTimeout(timer);
          resolveStart();
        }
      };
      proc.stdout!.on('data', onData);
      proc.stderr!.on('data', (chunk: Buffer) => {
        log += chunk.toString('utf8');
      });
      proc.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`The sync server exited (${code ?? signal}) before listening:\n${log}`));
      });
    });
  };

  const stop = async ({ hard = false }: { hard?: boolean } = {}): Promise<void> => {
    const proc = child;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    proc.kill(hard ? 'SIGKILL' : 'SIGTERM');
    if (!(await waitForExit(proc, STOP_TIMEOUT_MS))) {
      proc.kill('SIGKILL');
      await waitForExit(proc, STOP_TIMEOUT_MS);
      throw new Error(`The sync server did not stop within ${STOP_TIMEOUT_MS} ms:\n${log}`);
    }
  };

  await launch();
  const server: RunningSyncServer = {
    url: `ws://127.0.0.1:${port}`,
    httpUrl: `http://127.0.0.1:${port}`,
    port,
    secret,
    dataDir,
    output: () => log,
    stop,
    async restart(restartOptions = {}) {
      await stop({ hard: restartOptions.hard });
      if (restartOptions.env) env = { ...options.env, ...restartOptions.env };
      await launch();
    },
    signal(signal) {
      child?.kill(signal);
    },
    async dispose() {
      await stop();
      if (madeDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}

/** A token as the server would sign it (or, with another secret, a forged one). */
export function mintToken(secret: string, claims: ShareClaims): Promise<string> {
  return mintShareToken(secret, claims);
}

/** `exp` for a token valid for `seconds` from now. */
export const expiresIn = (seconds: number): number => Math.floor(Date.now() / 1000) + seconds;

async function postJson<T>(url: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as T & { error?: string };
  if (!response.ok) throw new Error(`${response.status} ${answer.error ?? ''}`);
  return answer;
}

/** POST /api/maps: registers a shared map; the answer carries the owner's token. */
export function createSharedMap(httpUrl: string, mapId: string): Promise<CreateSharedMapAnswer> {
  return postJson(`${httpUrl}/api/maps`, { mapId });
}

/** POST /api/maps/:id/links with the owner's token. */
export function makeLink(
  httpUrl: string,
  mapId: string,
  ownerToken: string,
  role: Role,
  expiresInSeconds?: number,
): Promise<LinkAnswer> {
  return postJson(
    `${httpUrl}/api/maps/${encodeURIComponent(mapId)}/links`,
    { role, expiresInSeconds },
    ownerToken,
  );
}

/** POST /api/maps/:id/rotate with the owner's token. */
export function rotateKey(
  httpUrl: string,
  mapId: string,
  ownerToken: string,
): Promise<CreateSharedMapAnswer> {
  return postJson(`${httpUrl}/api/maps/${encodeURIComponent(mapId)}/rotate`, {}, ownerToken);
}

/** A free loopback port (free when asked; good enough for a test's own server). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

export interface RunningRedis {
  /** `redis://127.0.0.1:<port>` */
  url: string;
  stop(): Promise<void>;
}

/**
 * A real `redis-server` (Debian's; tests/setup/ensureServices.mjs installs it) on a free loopback
 * port with its own temporary folder and no persistence, for the tests with several sync-server
 * instances.
 */
export async function startRedis(): Promise<RunningRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'argmap-redis-'));
  const proc = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  await new Promise<void>((resolveStart, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`redis-server did not start within ${START_TIMEOUT_MS} ms:\n${log}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      log += chunk.toString('utf8');
      if (/Ready to accept connections/.test(log)) {
        clearTimeout(timer);
        resolveStart();
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code ?? signal}) before it was ready:\n${log}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        if (!(await waitForExit(proc, STOP_TIMEOUT_MS))) proc.kill('SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
