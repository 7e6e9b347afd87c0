/**
 * What the open map does with one notice of another tab's write (persist/changeFeed): this tab's
 * pending edits are written first, so every record read afterwards is the last write; then its own
 * records that write replaced are noted (app/conflicts), and the records named are merged in
 * (persist/mergeOutside), or the map reloaded when it was stored whole. Shared by the session and
 * the headless test session.
 */
import type { ChangeNotice } from '../persist/changeFeed';
import type { MapRepository } from '../persist/mapRepository';
import { useMapStore } from '../store/mapStore';
import type { Autosave } from './autosave';

export async function absorbNotice(
  repo: MapRepository,
  autosave: Autosave,
  notice: ChangeNotice,
): Promise<void> {
  await autosave.flushNow();
  autosave.noticeOverwrites(notice);
  if (notice.whole) {
    const loaded = await repo.loadMap(notice.mapId);
    if (loaded?.ok && useMapStore.getState().map?.id === notice.mapId) {
      autosave.markSaved(loaded.map);
      useMapStore.getState().open(loaded.map); // replaced whole: the undo history no longer fits
    }
  } else {
    autosave.absorb(await repo.readOutside(notice));
  }
}
