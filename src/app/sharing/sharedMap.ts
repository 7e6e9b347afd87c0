/**
 * One shared map open in this browser: its two Yjs documents (content and comments, see
 * collab/mapDoc.ts and collab/commentsDoc.ts), kept in IndexedDB by y-indexeddb so the map opens
 * and is edited offline, and synced through the server with one WebSocket carrying two
 * Hocuspocus providers. Keeps {@link useSharing} current (connection, edits waiting, peers) while
 * it is the open map.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { writeCommentsToDoc } from '../../collab/commentsDoc';
import { MapBinding } from '../../collab/mapBinding';
import { holdsMap, writeMapToDoc } from '../../collab/mapDoc';
import { commentsDocName, contentDocName, mayEdit, type Role } from '../../collab/protocol';
import { say, type Message } from '../../model/messages';
import type { ArgMap } from '../../model/schema';
import {
  useSharing,
  type Connection,
  type Peer,
  type SourceCursor,
} from '../../store/sharingStore';
import { readClaims } from './claims';
import type { SharedEntry } from './registry';

/** What this person shows others, in awareness under `user`. */
interface Presence {
  name: string;
  color: string;
  role: Role;
  selectedNodeIds: readonly string[];
  sourceCursor: SourceCursor | null;
}

/** The IndexedDB database y-indexeddb keeps a document of `server` in. */
export const localDocName = (server: string, docName: string): string =>
  `argmap-shared:${server}:${docName}`;

/** How a first open ends when this browser holds nothing of the map yet. */
export type FirstSync = { ok: true } | { ok: false; says: Message };

export class SharedMap {
  readonly content = new Y.Doc();
  readonly comments = new Y.Doc();
  binding: MapBinding | null = null;
  role: Role;
  private readonly local: IndexeddbPersistence[];
  private socket: HocuspocusProviderWebsocket | null = null;
  private providers: HocuspocusProvider[] = [];
  private connection: Connection = 'connecting';
  private everOnline = false;
  private refusal: Message | null = null;
  /** The server cannot store this map's edits now (its disk full): they wait here. */
  private storageProblem: Message | null = null;
  private presence: Presence;
  /** Whether this map is the open one (it then keeps useSharing current). */
  private shown = false;
  private readonly listeners = new Set<() => void>();

  constructor(public entry: SharedEntry) {
    this.role = readClaims(entry.token)?.role ?? entry.role;
    this.local = [
      new IndexeddbPersistence(
        localDocName(entry.server, contentDocName(entry.mapId)),
        this.content,
      ),
      new IndexeddbPersistence(
        localDocName(entry.server, commentsDocName(entry.mapId)),
        this.comments,
      ),
    ];
    const me = useSharing.getState().me;
    this.presence = {
      name: me.name,
      color: me.color,
      role: this.role,
      selectedNodeIds: [],
      sourceCursor: null,
    };
  }

  /** Waits until what this browser holds of the map is read from IndexedDB. */
  async loadLocal(): Promise<void> {
    await Promise.all(this.local.map((p) => p.whenSynced));
  }

  /** Whether this browser holds the map (read from IndexedDB, or received from the server). */
  get holdsMap(): boolean {
    return holdsMap(this.content);
  }

  /** Writes a map being shared into the (empty) documents, before they first sync. */
  writeMap(map: ArgMap): void {
    writeMapToDoc(map, this.content);
    writeCommentsToDoc(map.comments, this.comments);
  }

  /** Joins the documents to the editor (see collab/mapBinding). */
  bind(onRemoteChange: (map: ArgMap) => void): MapBinding {
    this.binding ??= new MapBinding(this.content, this.comments, { onRemoteChange });
    return this.binding;
  }

  /** Connects to the server: both documents through one WebSocket. */
  connect(): void {
    if (this.socket) return;
    const { server, token, mapId } = this.entry;
    const socket = new HocuspocusProviderWebsocket({
      url: server,
      // Retries soon after a drop (a server restarting), then less often.
      delay: 500,
      minDelay: 250,
      factor: 1.5,
      maxDelay: 5_000,
      maxAttempts: 0,
      onStatus: ({ status }) => this.onSocketStatus(status),
    });
    this.socket = socket;
    const common = {
      websocketProvider: socket,
      token,
      onAuthenticationFailed: ({ reason }: { reason: string }) => this.onRefused(reason),
      onUnsyncedChanges: () => this.changed(),
      onSynced: () => this.changed(),
      onStateless: ({ payload }: { payload: string }) => this.onStateless(payload),
    };
    const content = new HocuspocusProvider({
      ...common,
      name: contentDocName(mapId),
      document: this.content,
      onAuthenticated: ({ scope }) => this.onAuthenticated(scope),
      onAwarenessChange: () => this.changed(),
    });
    const comments = new HocuspocusProvider({
      ...common,
      name: commentsDocName(mapId),
      document: this.comments,
      awareness: null,
    });
    this.providers = [content, comments];
    for (const p of this.providers) p.attach();
    content.awareness?.setLocalStateField('user', this.presence);
  }

  /**
   * For a map this browser does not hold yet: waits for the server's copy. Fails when the link
   * is refused or the server cannot be reached (nothing could be shown).
   */
  firstSync(): Promise<FirstSync> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.holdsMap && this.providers[0]?.isSynced) done({ ok: true });
        else if (this.refusal) done({ ok: false, says: this.refusal });
        else if (this.connection === 'offline')
          done({ ok: false, says: say('syncUnreachable', this.entry.server) });
      };
      const done = (result: FirstSync) => {
        this.listeners.delete(check);
        resolve(result);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Connects again with another token (after the owner rotated the map's key). */
  reconnect(token: string): void {
    this.entry = { ...this.entry, token };
    this.disconnect();
    this.refusal = null;
    this.connection = 'connecting';
    this.everOnline = false;
    this.connect();
    this.changed();
  }

  /** This map is now the open one (true) or no longer (false). */
  show(shown: boolean): void {
    this.shown = shown;
    if (shown) this.changed();
  }

  /** What this person points at, for the others. */
  setPresence(change: Partial<Presence>): void {
    this.presence = { ...this.presence, ...change };
    this.providers[0]?.awareness?.setLocalStateField('user', this.presence);
  }

  /** Edits made here that the server has not confirmed (counted since the page loaded). */
  get waiting(): number {
    return this.providers.reduce((n, p) => n + p.unsyncedChanges, 0);
  }

  get peers(): Peer[] {
    const awareness = this.providers[0]?.awareness;
    if (!awareness) return [];
    const peers: Peer[] = [];
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const user = (state as { user?: Partial<Presence> }).user;
      if (!user) continue;
      peers.push({
        clientId,
        name: typeof user.name === 'string' ? user.name : '',
        color: typeof user.color === 'string' ? user.color : '#64748b',
        role: user.role ?? 'viewer',
        selectedNodeIds: Array.isArray(user.selectedNodeIds) ? user.selectedNodeIds : [],
        sourceCursor: user.sourceCursor ?? null,
      });
    }
    return peers;
  }

  /** Calls `listener` whenever the connection, the edits waiting, the role or the peers change. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private onSocketStatus(status: string) {
    if (this.refusal) return;
    if (status === 'connected') this.connection = 'online';
    else if (status === 'disconnected') this.connection = 'offline';
    else this.connection = this.everOnline ? 'offline' : 'connecting';
    if (status === 'connected') this.everOnline = true;
    this.changed();
  }

  private onAuthenticated(scope: string) {
    // The server is the judge: a read-only connection makes this person a viewer of the
    // content, whatever the token claims.
    if (scope === 'readonly' && mayEdit(this.role)) this.role = 'viewer';
    this.presence = { ...this.presence, role: this.role };
    this.providers[0]?.awareness?.setLocalStateField('user', this.presence);
    this.changed();
  }

  /**
   * The server says its storage failed (it then refuses edits: they wait here, counted) or
   * recovered (it then takes them).
   */
  private onStateless(payload: string) {
    let message: { type?: unknown; ok?: unknown; error?: unknown };
    try {
      message = JSON.parse(payload) as typeof message;
    } catch {
      return;
    }
    if (message.type !== 'argmap/storage') return;
    this.storageProblem =
      message.ok === true ? null : say('syncServerFull', String(message.error ?? ''));
    this.changed();
  }

  private onRefused(reason: string) {
    this.refusal = say('syncRefused', reason || 'permission denied');
    this.connection = 'refused';
    // A refused link stays refused: no retrying with it.
    queueMicrotask(() => this.disconnect());
    this.changed();
  }

  /** Whether the server refused this map's link. */
  get refused(): boolean {
    return this.refusal !== null;
  }

  private changed() {
    if (this.shown)
      useSharing.setState({
        shared: { mapId: this.entry.mapId, server: this.entry.server, role: this.role },
        connection: this.connection,
        waiting: this.waiting,
        peers: this.peers,
        problem: this.refusal ?? this.storageProblem,
      });
    for (const listener of [...this.listeners]) listener();
  }

  private disconnect() {
    for (const p of this.providers) p.destroy();
    this.providers = [];
    this.socket?.destroy();
    this.socket = null;
  }

  /** Disconnects and lets go of the documents (what they hold stays in IndexedDB). */
  destroy(): void {
    this.shown = false;
    this.binding?.destroy();
    this.binding = null;
    this.disconnect();
    for (const p of this.local) void p.destroy();
    this.listeners.clear();
  }

  /** Deletes what this browser holds of the map (its documents in IndexedDB). */
  async clearLocal(): Promise<void> {
    this.binding?.destroy();
    this.binding = null;
    this.disconnect();
    await Promise.all(this.local.map((p) => p.clearData()));
  }
}
