/** `argmap stats`: what a map holds, as a short plain-text report. */
import { NODE_KINDS, RELATIONS, type ArgMap } from '../model/schema';
import { escapeControls } from './terminalText';

export function mapStats(map: ArgMap): string {
  // Titles and ids come from the file: escaped, so they cannot drive the terminal.
  const lines = [escapeControls(map.title), `id: ${escapeControls(map.id)}`];
  const sentences = map.sources.reduce((sum, s) => sum + s.sentences.length, 0);
  const cited = new Set(map.nodes.flatMap((n) => n.refs.map((r) => r.sentence)));
  lines.push(`sources: ${map.sources.length} (${sentences} sentences, ${cited.size} cited)`);
  lines.push(`nodes: ${map.nodes.length}`);
  for (const kind of NODE_KINDS) {
    const count = map.nodes.filter((n) => n.kind === kind).length;
    if (count) lines.push(`  ${kind}: ${count}`);
  }
  const implicit = map.nodes.filter((n) => n.implicit).length;
  if (implicit) lines.push(`  implicit: ${implicit}`);
  const translated = map.nodes.filter((n) => n.kind !== 'inference' && n.translations?.en).length;
  lines.push(`  with an English rendering: ${translated}`);
  lines.push(`edges: ${map.edges.length}`);
  for (const relation of RELATIONS) {
    const count = map.edges.filter((e) => e.relation === relation).length;
    if (count) lines.push(`  ${relation}: ${count}`);
  }
  const positioned = map.nodes.filter((n) => n.position).length;
  lines.push(`positioned nodes: ${positioned}/${map.nodes.length}`);
  for (const tour of map.tours)
    lines.push(`tour "${escapeControls(tour.title)}": ${tour.steps.length} steps`);
  if (map.groups?.length) lines.push(`groups: ${map.groups.length}`);
  if (map.comments?.length) lines.push(`comments: ${map.comments.length}`);
  return `${lines.join('\n')}\n`;
}
