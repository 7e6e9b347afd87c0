/**
 * The map's presentation tours. Until named tours get their own interface, presentation and the
 * tour editor work on the first tour, which the editor creates when the map has none.
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
