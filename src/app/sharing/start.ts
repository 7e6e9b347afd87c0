/**
 * Sharing in the editor: registers the storage of shared maps with the session, opens a share
 * link in the address, and implements the {@link SharingActions} the sharing UI calls.
 */
import {
  contentDocName,
  mayShare,
  parseDocName,
  readShareLink,
  shareLink,
  type Role,
} from '../../collab/protocol';
import { say } from '../../model/messages';
import { useMapStore } from '../../store/mapStore';
import { useSharing, type SharingActions } from '../../store/sharingStore';
import {
  addMapToLibrary,
  deleteMap,
  freeId,
  openMap,
  openStorage,
  registerSharedStorage,
} from '../session';
import { readClaims } from './claims';
import { findShared, putShared } from './registry';
import { createLink, createSharedMap, rotateKey } from './serverApi';
import { SharedStorage } from './sharedStorage';

const NAME_KEY = 'argmap-share-name';

let storage: SharedStorage | null = null;

export function startSharing(): void {
  storage = new SharedStorage();
  registerSharedStorage(storage);
  const name = localStorage.getItem(NAME_KEY) ?? '';
  useSharing.setState({ me: { name, color: colourOf(name || randomName()) }, actions });
}

/**
 * Opens the share link in the address, if there is one: the map joins the library with its
 * server and token (the address then names it as any map, without the token). True if it opened.
 */
export async function openShareLink(): Promise<boolean> {
  const link = readShareLink(location.href);
  if (!link) return false;
  const claims = readClaims(link.token);
  const known = findShared(link.mapId);
  putShared({
    mapId: link.mapId,
    server: link.server,
    token: link.token,
    role: claims?.role ?? 'viewer',
    ...(known ? {} : { title: link.mapId }),
  });
  const url = new URL(location.href);
  url.searchParams.delete('server');
  url.searchParams.delete('shared');
  url.hash = '';
  history.replaceState(null, '', url);
  await openMap(link.mapId);
  const opened = useMapStore.getState().map?.id === link.mapId;
  if (!opened && !known) {
    // Never opened here and not opened now: nothing of it to list.
    await deleteMap(link.mapId);
  }
  return opened;
}

/** The shared map open now, and this browser's entry for it. */
function openShared() {
  const shared = storage?.current;
  if (!shared || openStorage() !== storage) throw new Error('The open map is not shared.');
  return shared;
}

function ownerToken(): string {
  const shared = openShared();
  if (!mayShare(shared.role)) throw new Error('Only the owner of a shared map can do this.');
  return shared.entry.token;
}

/** The editor's own address, without a map or link in it. */
const editorUrl = () => `${location.origin}${location.pathname}`;

const actions: SharingActions = {
  async share(server) {
    const map = useMapStore.getState().map;
    const local = openStorage();
    if (!map || !local || !storage || local === storage || useMapStore.getState().readOnly)
      throw new Error('Open a map of your library to share it.');
    await local.flush();
    // A fresh id on the server: the map's own id may be taken there by someone else's map.
    const base = parseDocName(contentDocName(map.id)) ? map.id : 'map';
    const mapId = await freeId(`${base}-${Math.random().toString(36).slice(2, 8)}`);
    useSharing.setState({ problem: null });
    try {
      const { ownerToken: token } = await createSharedMap(server, mapId);
      await storage.create(
        { mapId, server, token, role: 'owner', title: map.title, nodeCount: map.nodes.length },
        { ...map, id: mapId },
      );
    } catch (error) {
      useSharing.setState({ problem: say('syncShareFailed', server, String(error)) });
      throw error;
    }
    await openMap(mapId);
    // The local map became the shared one.
    await deleteMap(map.id);
  },

  async makeLink(role: Role, expiresInSeconds?: number) {
    const shared = openShared();
    const { server, mapId } = shared.entry;
    const { token } = await createLink(server, mapId, ownerToken(), role, expiresInSeconds);
    return shareLink(editorUrl(), server, mapId, token);
  },

  async rotateKey() {
    const shared = openShared();
    const { server, mapId } = shared.entry;
    const { ownerToken: token } = await rotateKey(server, mapId, ownerToken());
    putShared({ mapId, token });
    shared.reconnect(token);
  },

  async unshare() {
    const shared = openShared();
    // Every link stops working; then the map is kept here as a local map.
    await actions.rotateKey();
    const map = useMapStore.getState().map;
    if (!map) return;
    await addMapToLibrary({ ...map, id: freeLocalBase(map.id) });
    await deleteMap(shared.entry.mapId);
  },

  async saveCopy() {
    openShared();
    const map = useMapStore.getState().map;
    if (!map) return;
    await addMapToLibrary({ ...map, id: freeLocalBase(map.id) });
  },

  setName(name) {
    localStorage.setItem(NAME_KEY, name);
    const me = { name, color: colourOf(name || randomName()) };
    useSharing.setState({ me });
    storage?.current?.setPresence(me);
  },

  setSourceCursor(cursor) {
    storage?.current?.setPresence({ sourceCursor: cursor });
  },
};

/** A shared map's id, for its local copy (a free id is picked from it). */
const freeLocalBase = (mapId: string) => `${mapId}-local`;

/** A random name kept for this browser until the person gives one (for the colour). */
function randomName(): string {
  const key = `${NAME_KEY}-seed`;
  let seed = localStorage.getItem(key);
  if (!seed) {
    seed = Math.random().toString(36).slice(2);
    localStorage.setItem(key, seed);
  }
  return seed;
}

/** A colour from a name: the same on every screen. */
function colourOf(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return `hsl(${hash % 360} 70% 40%)`;
}
