/**
 * `npm run server`: the sync server of shared maps (#16) with zero configuration: loopback,
 * port 1234, data in ./server-data.
 *
 *   npm run server [-- --data <dir>]
 *
 * Environment: PORT (default 1234; 0 = any free port), HOST (default 127.0.0.1; 0.0.0.0 to be
 * reached from other machines), ARGMAP_SERVER_SECRET (the key share links are signed with; without
 * it one is made and kept in <data>/secret), REDIS_URL (several instances sharing documents,
 * awareness and the map registry through Redis; give them all the same ARGMAP_SERVER_SECRET).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSyncServer } from './syncServer';

function argValue(name: string): string | undefined {
  const args = process.argv.slice(2);
  const index = args.indexOf(name);
  if (index >= 0) return args[index + 1];
  const inline = args.find((arg) => arg.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

/** The secret from the environment, or the one kept in the data folder (made on first start). */
function loadSecret(dataDir: string): { secret: string; from: string } {
  const fromEnv = process.env.ARGMAP_SERVER_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 16)
      throw new Error('ARGMAP_SERVER_SECRET must be at least 16 characters.');
    return { secret: fromEnv, from: 'ARGMAP_SERVER_SECRET' };
  }
  const file = join(dataDir, 'secret');
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept) return { secret: kept, from: file };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { secret, from: `${file} (new)` };
}

async function main(): Promise<void> {
  const dataDir = resolve(argValue('--data') ?? 'server-data');
  mkdirSync(dataDir, { recursive: true });
  const port = process.env.PORT === undefined ? 1234 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number (got ${process.env.PORT}).`);
  }
  const host = process.env.HOST || '127.0.0.1';
  const redisUrl = process.env.REDIS_URL || undefined;
  const { secret, from } = loadSecret(dataDir);
  const maxPages = Number(process.env.ARGMAP_SERVER_MAX_PAGES) || undefined;
  const retryMs = Number(process.env.ARGMAP_SERVER_RETRY_MS) || undefined;

  const server = await createSyncServer({
    host,
    port,
    dataDir,
    secret,
    redisUrl,
    maxPageCount: maxPages,
    retryMs,
  });
  const stored = redisUrl
    ? `maps in Redis at ${redisUrl.replace(/\/\/[^@]*@/, '//…@')}`
    : `maps in ${join(dataDir, 'maps.sqlite')}`;
  console.log(
    `Argmap sync server listening on ${server.url} (HTTP ${server.httpUrl}); data folder ${dataDir}; ${stored}.`,
  );
  console.log(`Links are signed with the key from ${from}.`);
  if (redisUrl && !process.env.ARGMAP_SERVER_SECRET) {
    console.log(
      'With several instances, give each the same ARGMAP_SERVER_SECRET, or their links will not match.',
    );
  }
  console.log(
    `To share a map: in the editor choose Share and give the server address ${server.url}; ` +
      `then send the links it makes. ` +
      (host === '127.0.0.1' || host === 'localhost'
        ? 'Only this machine can reach it; start with HOST=0.0.0.0 for a class network.'
        : `Others must be able to reach ${host}:${server.port}.`),
  );

  if (maxPages) {
    // Test hook of the full-disk test: SIGUSR2 lifts the page limit, as if space returned.
    process.on('SIGUSR2', () => {
      server.setMaxPageCount(2 ** 31);
      console.log('The page limit is lifted.');
    });
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: storing open maps and stopping…`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Stopping failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

// A server keeps serving the others when one request or document fails: log, do not exit.
process.on('unhandledRejection', (reason) => {
  console.error('Unhandled rejection:', reason);
});

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
