/**
 * The map's presentation tours (`map.tours`, format version 2): named orders of nodes. The first
 * tour is the default one (presentation starts with it). Every edit returns a new map (one undo
 * step in the store); a tour id the map does not have leaves the map as it is (it may have been
 * deleted meanwhile, in another tab).
 */
import type { ArgMap, Tour } from './schema';

/** The tour the editor creates when a map has none. */
export const DEFAULT_TOUR: Readonly<Tour> = { id: 't1', title: 'Walk-through', steps: [] };

/** The steps of the map's first tour (none without a tour). */
export function firstTourSteps(map: Pick<ArgMap, 'tours'>): readonly string[] {
  return map.tours[0]?.steps ?? [];
}

/** `map` with its first tour's steps set to `steps`, creating {@link DEFAULT_TOUR} if needed. */
export function setFirstTourSteps(map: ArgMap, steps: readonly string[]): ArgMap {
  const [first, ...rest] = map.tours;
  return { ...map, tours: [{ ...(first ?? DEFAULT_TOUR), steps: [...steps] }, ...rest] };
}

/** The tour with this id, if the map has it. */
export function findTour(map: Pick<ArgMap, 'tours'>, id: string): Tour | undefined {
  return map.tours.find((t) => t.id === id);
}

/** An id no tour of the map has: t1, t2, … */
export function newTourId(map: Pick<ArgMap, 'tours'>): string {
  const used = new Set(map.tours.map((t) => t.id));
  let i = map.tours.length + 1;
  while (used.has(`t${i}`)) i++;
  return `t${i}`;
}

/** Only the ids of nodes of the map, each once, in the order given. */
function knownSteps(map: ArgMap, steps: readonly string[]): string[] {
  const ids = new Set(map.nodes.map((n) => n.id));
  const seen = new Set<string>();
  return steps.filter((s) => ids.has(s) && !seen.has(s) && (seen.add(s), true));
}

/** A tour title as plain text on one line (line breaks and tabs become spaces). */
function plainTitle(title: string): string {
  return title.replace(/[\r\n\t]+/g, ' ');
}

/** Adds a tour at the end (steps: nodes of the map, each once). */
export function addTour(
  map: ArgMap,
  title: string,
  steps: readonly string[] = [],
): { map: ArgMap; id: string } {
  const id = newTourId(map);
  const tour: Tour = { id, title: plainTitle(title), steps: knownSteps(map, steps) };
  return { map: { ...map, tours: [...map.tours, tour] }, id };
}

function withTour(map: ArgMap, id: string, change: (tour: Tour) => Tour): ArgMap {
  const index = map.tours.findIndex((t) => t.id === id);
  if (index < 0) return map;
  const tour = map.tours[index]!;
  const next = change(tour);
  if (next === tour) return map;
  const tours = [...map.tours];
  tours[index] = next;
  return { ...map, tours };
}

export function renameTour(map: ArgMap, id: string, title: string): ArgMap {
  const plain = plainTitle(title);
  return withTour(map, id, (t) => (t.title === plain ? t : { ...t, title: plain }));
}

export function removeTour(map: ArgMap, id: string): ArgMap {
  if (!findTour(map, id)) return map;
  return { ...map, tours: map.tours.filter((t) => t.id !== id) };
}

/** A copy of a tour, placed right after it. */
export function duplicateTour(
  map: ArgMap,
  id: string,
  title: string,
): { map: ArgMap; id: string } | undefined {
  const index = map.tours.findIndex((t) => t.id === id);
  if (index < 0) return undefined;
  const copy: Tour = {
    id: newTourId(map),
    title: plainTitle(title),
    steps: [...map.tours[index]!.steps],
  };
  const tours = [...map.tours];
  tours.splice(index + 1, 0, copy);
  return { map: { ...map, tours }, id: copy.id };
}

/** Makes a tour the first one: the default that presentation starts with. */
export function makeFirstTour(map: ArgMap, id: string): ArgMap {
  const tour = findTour(map, id);
  if (!tour || map.tours[0] === tour) return map;
  return { ...map, tours: [tour, ...map.tours.filter((t) => t !== tour)] };
}

export function setTourSteps(map: ArgMap, id: string, steps: readonly string[]): ArgMap {
  return withTour(map, id, (t) => ({ ...t, steps: knownSteps(map, steps) }));
}

/** Moves stop `index` to position `to` (clamped to the tour). */
export function moveTourStop(map: ArgMap, id: string, index: number, to: number): ArgMap {
  return withTour(map, id, (t) => {
    if (index < 0 || index >= t.steps.length) return t;
    const target = Math.max(0, Math.min(t.steps.length - 1, to));
    if (target === index) return t;
    const steps = [...t.steps];
    const [stop] = steps.splice(index, 1);
    steps.splice(target, 0, stop!);
    return { ...t, steps };
  });
}

export function removeTourStop(map: ArgMap, id: string, index: number): ArgMap {
  return withTour(map, id, (t) =>
    index < 0 || index >= t.steps.length
      ? t
      : { ...t, steps: t.steps.filter((_, i) => i !== index) },
  );
}

/** Appends the nodes not yet in the tour, in the order given. */
export function addTourStops(map: ArgMap, id: string, nodeIds: readonly string[]): ArgMap {
  return withTour(map, id, (t) => {
    const added = knownSteps(map, nodeIds).filter((n) => !t.steps.includes(n));
    return added.length ? { ...t, steps: [...t.steps, ...added] } : t;
  });
}

/** Takes a node out of a tour (every time it occurs). */
export function removeTourNode(map: ArgMap, id: string, nodeId: string): ArgMap {
  return withTour(map, id, (t) =>
    t.steps.includes(nodeId) ? { ...t, steps: t.steps.filter((s) => s !== nodeId) } : t,
  );
}
