/**
 * `npm run bench:collab` (#16): the sync server under a class's load, on loopback only and
 * bounded in count and time. N simulated clients (default 30) × M edits (default 200) on the
 * article map through one server: all converge, edit-to-other-client latency (p50/p95/max; target
 * p95 ≤ 150 ms), the server's memory and CPU per client; the same through two instances and
 * Redis; one client killed mid-burst and restarted from its own kept updates: nothing lost.
 *
 *   npm run bench:collab -- [--clients N] [--edits M] [--interval MS] [--timeout S]
 *
 * or COLLAB_CLIENTS, COLLAB_EDITS, COLLAB_INTERVAL_MS, COLLAB_TIMEOUT_S. A client edits every
 * --interval ms (default 100: a person typing); all clients run in this process except the one
 * that is killed. Exits 1 if a run does not converge or loses an edit.
 */
import {
  killOneClient,
  oneServer,
  percentile,
  twoServersWithRedis,
  type LoadOptions,
  type RunResult,
} from './collab/scenarios';
import { loadAverage } from './collab/procStats';

function option(name: string, env: string, fallback: number): number {
  const args = process.argv.slice(2);
  const at = args.indexOf(`--${name}`);
  const raw = at >= 0 ? args[at + 1] : process.env[env];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a number ≥ 0.`);
  return value;
}

const options: LoadOptions = {
  clients: Math.max(2, Math.floor(option('clients', 'COLLAB_CLIENTS', 30))),
  edits: Math.max(2, Math.floor(option('edits', 'COLLAB_EDITS', 200))),
  intervalMs: option('interval', 'COLLAB_INTERVAL_MS', 100),
  timeoutMs: option('timeout', 'COLLAB_TIMEOUT_S', 300) * 1000,
  log: (line) => console.log(`  ${line}`),
};

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : '–');

function row(result: RunResult): string[] {
  const lat = result.latencies;
  const use = result.servers;
  const rssPeak = use.reduce((s, u) => s + u.rssPeak, 0);
  const rssIdle = use.reduce((s, u) => s + u.rssIdle, 0);
  const cpu = use.reduce((s, u) => s + u.cpu, 0);
  const seconds = use[0]?.seconds ?? 0;
  return [
    result.name,
    `${result.clients} × ${result.edits}`,
    result.converged ? 'yes' : 'NO',
    String(result.lost),
    ms(percentile(lat, 50)),
    ms(percentile(lat, 95)),
    ms(lat.reduce((m, v) => Math.max(m, v), -Infinity)),
    use.length ? `${mb(rssIdle)} → ${mb(rssPeak)}` : '–',
    use.length ? mb((rssPeak - rssIdle) / result.clients) : '–',
    use.length ? `${cpu.toFixed(1)} s (${((cpu / seconds) * 100).toFixed(0)}%)` : '–',
    use.length ? `${((cpu / result.clients) * 1000).toFixed(0)} ms` : '–',
    result.burstMs ? `${(result.burstMs / 1000).toFixed(1)} s` : '–',
    result.burstMs
      ? `${result.clientCpu.toFixed(1)} s (${((result.clientCpu / result.burstMs) * 100000).toFixed(0)}%)`
      : '–',
  ];
}

function table(rows: string[][]): string {
  const head = [
    'run',
    'clients × edits',
    'converged',
    'lost',
    'p50',
    'p95',
    'max',
    'server RSS idle → peak',
    'RSS / client',
    'server CPU',
    'CPU / client',
    'burst',
    'clients CPU',
  ];
  const all = [head, ...rows];
  const widths = head.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
  const line = (r: string[]) => r.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

async function main(): Promise<void> {
  console.log(
    `Collaboration load: ${options.clients} clients × ${options.edits} edits, one edit per client every ${options.intervalMs} ms; load average ${loadAverage()}`,
  );
  const results: RunResult[] = [];
  for (const run of [oneServer, twoServersWithRedis, killOneClient]) {
    const result = await run(options);
    results.push(result);
    console.log(`  ${row(result).join(' | ')}`);
  }
  console.log('');
  console.log(table(results.map(row)));
  for (const result of results)
    for (const note of result.notes) console.log(`${result.name}: ${note}`);
  const p95 = percentile(results[0]!.latencies, 95);
  console.log(
    `\np95 edit-to-other-client latency through one server: ${ms(p95)} (target ≤ 150 ms): ${p95 <= 150 ? 'met' : 'NOT met'}. Load average now ${loadAverage()}.`,
  );
  console.log(
    'Server RSS and CPU from /proc of the server process (node with tsx); CPU from the first connection to the last arrival; "%" is of one core. "Per client" divides by the clients. "clients CPU": this process, where the simulated clients run, during the burst.',
  );
  if (results.some((r) => !r.converged || r.lost > 0)) process.exit(1);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
