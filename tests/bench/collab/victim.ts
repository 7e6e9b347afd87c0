/**
 * A client in a process of its own (the load script's kill test, #16): it keeps every update of
 * its document in a file as it happens (local edits and what arrives), so that when it is killed
 * (SIGKILL) and started again it opens from that file, reconnects, and the sync sends the server
 * what the server lacks; then it goes on from its last edit to the end.
 *
 *   node --import tsx tests/bench/collab/victim.ts '<json VictimArgs>'
 *
 * Prints "edit <k>" after each edit is made (and stored in the file), "done" when all its edits
 * are at the server.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { BenchClient, until } from './client';

export interface VictimArgs {
  url: string;
  docName: string;
  token: string;
  index: number;
  nodeId: string;
  edits: number;
  intervalMs: number;
  file: string;
}

/** The updates kept in `file`: each a 4-byte length and the update. */
export function readUpdates(file: string): Uint8Array[] {
  if (!existsSync(file)) return [];
  const bytes = readFileSync(file);
  const updates: Uint8Array[] = [];
  let at = 0;
  // A frame cut short by the kill (its length written, not all its bytes) is left out.
  while (at + 4 <= bytes.length) {
    const length = bytes.readUInt32LE(at);
    if (at + 4 + length > bytes.length) break;
    updates.push(new Uint8Array(bytes.subarray(at + 4, at + 4 + length)));
    at += 4 + length;
  }
  return updates;
}

function keep(file: string, update: Uint8Array): void {
  const frame = Buffer.alloc(4 + update.length);
  frame.writeUInt32LE(update.length, 0);
  frame.set(update, 4);
  appendFileSync(file, frame);
}

async function main(): Promise<void> {
  const args = JSON.parse(process.argv[2]!) as VictimArgs;
  const doc = new Y.Doc();
  const stored = readUpdates(args.file);
  for (const update of stored) Y.applyUpdate(doc, update, 'disk');
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'disk') keep(args.file, update);
  });
  const client = new BenchClient(args.url, args.docName, args.token, args.index, null, doc);
  await client.ready();
  // Go on after the last edit this document holds (made before a kill, from the file or the server).
  const text = client.map().nodes.find((n) => n.id === args.nodeId)?.text ?? '';
  const mine = [...text.matchAll(new RegExp(` c${args.index}\\.(\\d+)`, 'g'))].map((m) =>
    Number(m[1]),
  );
  const next = mine.length ? Math.max(...mine) + 1 : 0;
  console.log(`resumed ${stored.length} ${next}`);
  for (let k = next; k < args.edits; k++) {
    client.edit(k, args.nodeId);
    console.log(`edit ${k}`);
    await new Promise((resolve) =>
      args.intervalMs ? setTimeout(resolve, args.intervalMs) : setImmediate(resolve),
    );
  }
  await until(() => client.settled, 'the edits to reach the server', 60_000);
  console.log('done');
  client.destroy();
  process.exit(0);
}

if (process.argv[1]?.endsWith('victim.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
