/**
 * Section frames: the box drawn around a group's nodes (and its nested groups), with a title band
 * on top. Derived from the nodes' boxes, never stored, so a node moved by hand takes its frame
 * along. The layout reserves exactly this room, so frames of neighbouring sections never overlap.
 */
import { type Rect, boundsOf } from './geometry';

/** Room between a frame and what it holds. */
export const FRAME_PAD = 16;
/** Height of the title band at the top of a frame. */
export const FRAME_TITLE = 34;

/** What frames need of a map's groups and nodes. */
export interface FrameInput {
  groups?: readonly { id: string; parent?: string }[];
  nodes: readonly { id: string; group?: string }[];
}

/** The frame that holds a block of content of this size (the content at FRAME_PAD, FRAME_TITLE). */
export function frameAround(content: Rect): Rect {
  return {
    x: content.x - FRAME_PAD,
    y: content.y - FRAME_PAD - FRAME_TITLE,
    width: content.width + 2 * FRAME_PAD,
    height: content.height + 2 * FRAME_PAD + FRAME_TITLE,
  };
}

/**
 * Each group's frame around the boxes of its members and the frames of its child groups; groups
 * with nothing shown get none. Nested groups come before their parents in the result's order.
 */
export function groupFrames(map: FrameInput, boxes: ReadonlyMap<string, Rect>): Map<string, Rect> {
  const groups = map.groups ?? [];
  const known = new Set(groups.map((g) => g.id));
  const children = new Map<string, string[]>();
  for (const g of groups)
    if (g.parent && known.has(g.parent))
      children.set(g.parent, [...(children.get(g.parent) ?? []), g.id]);
  const members = new Map<string, Rect[]>();
  for (const n of map.nodes) {
    const box = boxes.get(n.id);
    if (box && n.group && known.has(n.group))
      members.set(n.group, [...(members.get(n.group) ?? []), box]);
  }
  const frames = new Map<string, Rect>();
  const visiting = new Set<string>();
  const frameOf = (id: string): Rect | null => {
    if (frames.has(id)) return frames.get(id)!;
    if (visiting.has(id)) return null; // a cycle (refused by validation) draws nothing
    visiting.add(id);
    const inner = [...(members.get(id) ?? [])];
    for (const child of children.get(id) ?? []) {
      const f = frameOf(child);
      if (f) inner.push(f);
    }
    const content = boundsOf(inner);
    if (!content) return null;
    const frame = frameAround(content);
    frames.set(id, frame);
    return frame;
  };
  for (const g of groups) frameOf(g.id);
  return frames;
}
