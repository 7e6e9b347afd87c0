/**
 * The collaboration load script (#16, tests/bench/collab) with a small count, in `npm test`:
 * 5 clients × 20 edits on the article map through one server and through two instances sharing
 * a real redis-server, and a client (a process of its own) killed mid-burst and restarted from
 * the updates it kept. Every run must converge and lose nothing; timings are the bench's to
 * report (`npm run bench:collab`), not asserted here.
 */
import { describe, expect, it } from 'vitest';
import {
  killOneClient,
  oneServer,
  twoServersWithRedis,
  type LoadOptions,
} from '../bench/collab/scenarios';

const small: LoadOptions = { clients: 5, edits: 20, intervalMs: 10, timeoutMs: 60_000 };

describe('the collaboration load script, small', () => {
  it('5 clients × 20 edits through one server all converge, with every edit in every copy', async () => {
    const result = await oneServer(small);
    expect(result.converged).toBe(true);
    expect(result.lost).toBe(0);
    // Every edit reached each of the other 4 clients, and was timed there.
    expect(result.latencies).toHaveLength(5 * 20 * 4);
    expect(result.servers[0]!.rssPeak).toBeGreaterThan(0);
  }, 120_000);

  it('the same through two server instances sharing Redis', async () => {
    const result = await twoServersWithRedis(small);
    expect(result.converged).toBe(true);
    expect(result.lost).toBe(0);
    expect(result.latencies).toHaveLength(5 * 20 * 4);
    expect(result.servers).toHaveLength(2);
  }, 120_000);

  it('a client killed mid-burst and restarted from its kept updates loses nothing', async () => {
    const result = await killOneClient(small);
    expect(result.converged).toBe(true);
    expect(result.lost).toBe(0);
    const killed = /killed after (\d+)\/20/.exec(result.notes.join('\n'));
    expect(Number(killed?.[1])).toBeGreaterThanOrEqual(10);
    expect(Number(killed?.[1])).toBeLessThan(20);
    // It started again from its own file: the map as first synced and each edit it made.
    const restarted = /restarted from (\d+) kept updates, at edit (\d+)/.exec(
      result.notes.join('\n'),
    );
    expect(Number(restarted?.[1])).toBeGreaterThan(Number(killed?.[1]));
    // It goes on from the edit after its last (one more if killed between an edit and its report).
    expect(Number(restarted?.[2]) - Number(killed?.[1])).toBeGreaterThanOrEqual(0);
    expect(Number(restarted?.[2]) - Number(killed?.[1])).toBeLessThanOrEqual(1);
  }, 120_000);
});
