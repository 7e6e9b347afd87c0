/**
 * Whether the open map is shared, and how its sharing stands: this person's role, the
 * connection to the sync server, edits not yet confirmed by it, and who else is here. The
 * app layer (app/sharing) keeps it current and registers the {@link SharingActions}; the UI
 * reads it and calls those actions, so neither knows the other's files.
 */
import { create } from 'zustand';
import type { Role } from '../collab/protocol';
import type { Message } from '../model/messages';

/**
 * `local`: the map is not shared. `connecting`/`online`/`offline`: a shared map and its link to
 * the server (offline, it is still edited here and merged on reconnect). `refused`: the server
 * refused this link (unknown, expired, forged or revoked); see {@link SharingState.problem}.
 */
export type Connection = 'local' | 'connecting' | 'online' | 'offline' | 'refused';

/** Where someone's caret or selection is in a source, in UTF-16 code units (end exclusive). */
export interface SourceCursor {
  sourceId: string;
  start: number;
  end: number;
}

/** Someone else with the same shared map open. */
export interface Peer {
  /** Their Yjs awareness client id: stable while they stay connected. */
  clientId: number;
  name: string;
  /** A CSS colour, the same on every screen. */
  color: string;
  role: Role;
  selectedNodeIds: readonly string[];
  sourceCursor: SourceCursor | null;
}

export interface SharingState {
  /** The open map's sharing: null when it is a local map. */
  shared: { mapId: string; server: string; role: Role } | null;
  connection: Connection;
  /** Edits made here that the server has not confirmed yet (shown while offline). */
  waiting: number;
  peers: readonly Peer[];
  /** This person, as others see them. */
  me: { name: string; color: string };
  /** Why sharing failed or a link was refused, for the user. */
  problem: string | Message | null;
  /** Set by the app layer once it can act; null before (and in tests of the UI alone). */
  actions: SharingActions | null;
}

export interface SharingActions {
  /** Shares the open map through the server at `server` (ws:// or wss://): this person owns it. */
  share(server: string): Promise<void>;
  /** A link giving `role` on the open shared map (owners only). */
  makeLink(role: Role, expiresInSeconds?: number): Promise<string>;
  /** A new key for the open shared map: every link made before stops working (owners only). */
  rotateKey(): Promise<void>;
  /** Makes the open shared map local again (this browser keeps it as it is now). */
  unshare(): Promise<void>;
  /** Stores a local copy of the open shared map and opens it. */
  saveCopy(): Promise<void>;
  /** The name others see. */
  setName(name: string): void;
  /** What this person points at, for the others: the source cursor (selection is followed). */
  setSourceCursor(cursor: SourceCursor | null): void;
}

export const useSharing = create<SharingState>()(() => ({
  shared: null,
  connection: 'local',
  waiting: 0,
  peers: [],
  me: { name: '', color: '#2563eb' },
  problem: null,
  actions: null,
}));
