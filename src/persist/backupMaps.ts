/**
 * The maps a backup holds: every stored map, each loaded and checked as when it opens. What does
 * not validate cannot go into a backup (a backup restores only valid maps); it is left out and
 * listed, never dropped without a word: a map whose own record or sources are damaged is left out
 * whole, a damaged node or edge record alone. What is left out stays stored, unchanged.
 */
import { problemMessages, type Problem } from '../model/problem';
import { say, type Message, type MessageKey } from '../model/messages';
import type { ArgMap } from '../model/schema';
import type { MapRepository } from './mapRepository';

/** A map left out of a backup (`whole`), or backed up without some of its records. */
export interface LeftOutOfBackup {
  id: string;
  title: string;
  whole: boolean;
  problems: Problem[];
}

export interface BackupMaps {
  maps: ArgMap[];
  leftOut: LeftOutOfBackup[];
}

/**
 * Every stored map for a backup, in the library's order; `open`, the map on screen, is taken as
 * it is shown (if storage is full, its latest edits are only there).
 */
export async function mapsForBackup(
  repo: MapRepository,
  open?: ArgMap | null,
): Promise<BackupMaps> {
  const maps: ArgMap[] = [];
  const leftOut: LeftOutOfBackup[] = [];
  for (const summary of await repo.listMaps()) {
    if (open && open.id === summary.id) {
      maps.push(open);
      continue;
    }
    const loaded = await repo.loadMap(summary.id);
    const { id, title } = summary;
    if (!loaded) continue; // deleted meanwhile
    if (!loaded.ok) {
      leftOut.push({ id, title, whole: true, problems: loaded.problems });
      continue;
    }
    maps.push(loaded.map);
    if (loaded.skipped.length) leftOut.push({ id, title, whole: false, problems: loaded.skipped });
  }
  return { maps, leftOut };
}

/** Problems shown for each left-out map; the rest are counted. */
const SHOWN = 3;

/**
 * The notice for what a backup left out, as a message (shown in the interface's language), or
 * undefined when nothing was.
 */
export function leftOutNotice(leftOut: readonly LeftOutOfBackup[]): Message | undefined {
  if (!leftOut.length) return undefined;
  const maps = leftOut.map(({ title, id, problems }) =>
    say('bakMap', title, id, chain('bakProblemNext', problemMessages(problems, SHOWN))),
  );
  return say('bakLeftOut', chain('bakMapNext', maps));
}

/** Messages one after another, joined as the two-part message `key` joins them. */
function chain(key: MessageKey, messages: readonly Message[]): Message {
  const [first, ...rest] = messages;
  return rest.reduce((said, next) => say(key, said, next), first ?? say('plain', ''));
}
