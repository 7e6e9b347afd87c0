/**
 * One simulated person editing a shared map from Node (the load script, #16): a Y.Doc joined to
 * the sync server by @hocuspocus/provider over its own WebSocket (`ws`), edits made as the editor
 * makes them (doc16's applyMapChange from the map as last read to the map after the edit), and
 * the edits of others noticed as they arrive, for their latency.
 *
 * Each client types into a node of its own: edit k appends " c<i>.<k>" to the text of node i. So
 * every edit is a real edit of the map, the last stamp in a node's text says which edit of which
 * client has arrived, and at the end each node's text must hold all its client's stamps in order.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { MapDocReader, applyMapChange, holdsMap, readMapFromDoc } from '../../../src/collab/mapDoc';
import type { ArgMap } from '../../../src/model/schema';

/** The stamp edit `k` of client `i` appends. */
export const stamp = (client: number, edit: number): string => ` c${client}.${edit}`;
const LAST_STAMP = / c(\d+)\.(\d+)$/;

/** Every stamp of client `i`'s edits 0…edits-1, as its node's text must end. */
export function allStamps(client: number, edits: number): string {
  let out = '';
  for (let k = 0; k < edits; k++) out += stamp(client, k);
  return out;
}

export interface Arrivals {
  /** Milliseconds from each edit of another client to its arrival here. */
  latencies: number[];
  /** Per other client, the highest edit seen so far (-1: none). */
  seen: Map<number, number>;
}

/** When each client made each of its edits (performance.now() of this process). */
export type SentAt = Map<number, number[]>;

export class BenchClient {
  readonly doc: Y.Doc;
  readonly provider: HocuspocusProvider;
  private readonly socket: HocuspocusProviderWebsocket;
  private readonly reader: MapDocReader;
  private current: ArgMap | undefined;
  readonly arrivals: Arrivals = { latencies: [], seen: new Map() };
  private readonly origin = {};
  /** Node id → the client that types into it. */
  private owners = new Map<string, number>();

  constructor(
    url: string,
    docName: string,
    token: string,
    readonly index: number,
    private readonly sentAt: SentAt | null,
    doc = new Y.Doc(),
  ) {
    this.doc = doc;
    this.reader = new MapDocReader(doc);
    doc.on('afterTransaction', (transaction: Y.Transaction) => this.reader.note(transaction));
    this.socket = new HocuspocusProviderWebsocket({
      url,
      WebSocketPolyfill: WebSocket,
      delay: 100,
      minDelay: 100,
      maxDelay: 1000,
    });
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: docName,
      document: doc,
      token,
    });
    this.provider.attach();
    if (sentAt)
      doc.getMap('nodes').observeDeep((events, transaction) => {
        if (transaction.origin === this.origin) return;
        const now = performance.now();
        for (const event of events) {
          if (!(event.target instanceof Y.Text)) continue;
          const owner = this.owners.get(String(event.path[0]));
          if (owner === undefined || owner === this.index) continue;
          const last = LAST_STAMP.exec(event.target.toString());
          if (!last || Number(last[1]) !== owner) continue;
          const edit = Number(last[2]);
          const before = this.arrivals.seen.get(owner) ?? -1;
          const times = sentAt.get(owner);
          // Edits that arrived together (in one message) all arrived now.
          for (let k = before + 1; k <= edit; k++) {
            const sent = times?.[k];
            if (sent !== undefined) this.arrivals.latencies.push(now - sent);
          }
          if (edit > before) this.arrivals.seen.set(owner, edit);
        }
      });
  }

  /** Resolves once synced with the server and holding the map. */
  async ready(timeoutMs = 60_000): Promise<void> {
    await until(() => this.provider.isSynced && holdsMap(this.doc), 'a client to sync', timeoutMs);
    this.current = readMapFromDoc(this.doc);
  }

  /** Which node each client types into (node `i` of the map for client `i`). */
  assign(nodeIds: readonly string[]): void {
    this.owners = new Map(nodeIds.map((id, i) => [id, i]));
  }

  /** Edit `k`: appends this client's stamp to its node's text, through applyMapChange. */
  edit(k: number, nodeId: string): void {
    const before = this.reader.read(this.current);
    const after: ArgMap = {
      ...before,
      nodes: before.nodes.map((n) =>
        n.id === nodeId ? { ...n, text: n.text + stamp(this.index, k) } : n,
      ),
    };
    this.sentAt?.get(this.index)?.push(performance.now());
    applyMapChange(this.doc, before, after, this.origin);
    this.current = after;
  }

  /** Nothing of this client's waits to reach the server. */
  get settled(): boolean {
    return this.provider.isSynced && !this.provider.hasUnsyncedChanges;
  }

  map(): ArgMap {
    return readMapFromDoc(this.doc);
  }

  destroy(): void {
    this.provider.destroy();
    this.socket.destroy();
  }
}

/** Polls `check` every 20 ms until it holds; rejects with `what` after `timeoutMs`. */
export function until(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const tick = () => {
      if (check()) return resolve();
      if (performance.now() - started > timeoutMs)
        return reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`));
      setTimeout(tick, 20);
    };
    tick();
  });
}
