/**
 * The size of a node's box, from the label it shows. One function for the layout, the canvas
 * (which gives every node this size up front, so React Flow never has to measure to place it) and
 * the exports, so what is laid out is what is drawn.
 */
import type { ArgNode } from '../model/schema';
import { wrapText } from '../io/wrapText';
import { translationIn } from '../model/translation';

export interface Size {
  width: number;
  height: number;
}

/** Width of every statement box, in canvas pixels. */
export const NODE_WIDTH = 240;
/** Diameter of an inference junction. */
export const JUNCTION_SIZE = 36;
/** Text size and line height inside a box. */
export const NODE_FONT = 14;
export const NODE_LINE = 20;
/** Inner width for the text: the box less 12 px padding and a 2 px border on each side. */
const TEXT_WIDTH = NODE_WIDTH - 28;
/** Head (kind label, 20 px) plus padding (8 top, 10 bottom) and borders (2 + 2). */
const CHROME = 42;
/**
 * The wrap is estimated in ems without the font at hand; a little slack keeps a line the
 * browser fits a few pixels differently from spilling out of the box.
 */
const SLACK_EM = 0.4;

/** The box of `node` showing `label` (its text by default). */
export function nodeSize(node: Pick<ArgNode, 'kind'>, label: string): Size {
  if (node.kind === 'inference') return { width: JUNCTION_SIZE, height: JUNCTION_SIZE };
  const lines = wrapText(label, TEXT_WIDTH / NODE_FONT - SLACK_EM).length;
  return { width: NODE_WIDTH, height: CHROME + Math.max(1, lines) * NODE_LINE };
}

/** The label a node shows in `language` ('source' or absent: its own text). */
export function shownLabel(
  node: Pick<ArgNode, 'text' | 'translations'>,
  language?: string,
): string {
  return (language !== 'source' && translationIn(node.translations, language)) || node.text;
}

/** Every node's size for the labels shown in `language`. */
export function nodeSizes(
  nodes: readonly Pick<ArgNode, 'id' | 'kind' | 'text' | 'translations'>[],
  language?: string,
): Record<string, Size> {
  const sizes: Record<string, Size> = {};
  for (const n of nodes) sizes[n.id] = nodeSize(n, shownLabel(n, language));
  return sizes;
}
