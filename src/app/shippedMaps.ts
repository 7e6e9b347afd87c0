/** The maps shipped in `maps/`, bundled by Vite and loaded through the one load path. */
import { describeProblem } from '../model/problem';
import { fingerprintOf, type ShippedMap } from '../persist/seedMaps';

const files = import.meta.glob<string>('/maps/*.argmap.json', { query: '?raw', import: 'default' });

/** Every shipped map, validated; a shipped file that fails validation is reported and skipped. */
export async function loadShippedMaps(): Promise<ShippedMap[]> {
  const maps: ShippedMap[] = [];
  // The load path (and its schema) loads only when a shipped map is read: on first launch.
  const { parseMapText } = await import('../io/mapFile');
  for (const [path, load] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const text = await load();
    const result = parseMapText(text);
    if (result.ok) maps.push({ map: result.map, fingerprint: fingerprintOf(text) });
    else
      console.error(
        `Shipped map ${path} is invalid:\n${result.problems.map(describeProblem).join('\n')}`,
      );
  }
  return maps;
}
