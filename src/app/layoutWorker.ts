/**
 * The layout's Web Worker: the whole of layoutMap (ELK and the packing around it) runs here, so
 * laying out a map of any size never blocks a frame of the editor. ELK runs in this thread.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutMap, type LayoutInput, type Size } from '../layout/layout';

export interface LayoutRequest {
  id: number;
  /** Nothing but a ping: loads ELK and warms it up before the first real layout. */
  warm?: boolean;
  map?: LayoutInput;
  sizes?: Record<string, Size>;
}

export type LayoutReply =
  | { id: number; positions: Record<string, { x: number; y: number }> }
  | { id: number; error: string };

const elk = new ELK();
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
  postMessage(reply: LayoutReply): void;
};

scope.onmessage = async ({ data }) => {
  try {
    // A small graph makes ELK compile its layered algorithm before the user asks for a layout.
    const map = data.warm ? warmUpGraph() : data.map!;
    const positions = await layoutMap(elk, map, { sizes: data.sizes });
    scope.postMessage({ id: data.id, positions: data.warm ? {} : positions });
  } catch (error) {
    scope.postMessage({ id: data.id, error: String((error as Error)?.message ?? error) });
  }
};

function warmUpGraph(): LayoutInput {
  const nodes = Array.from({ length: 12 }, (_, i) => ({
    id: `w${i}`,
    kind: 'claim' as const,
    text: 'warm-up',
  }));
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, from: n.id, to: `w${i >> 1}` }));
  return { nodes, edges };
}
