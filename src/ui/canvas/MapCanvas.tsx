/**
 * The React Flow canvas of the open map. Flow nodes are derived from the map's nodes and reused
 * while their inputs are unchanged, so an edit re-renders only the node it touched. A drag moves
 * nodes locally and commits the final positions as one undoable edit when it ends; a node placed
 * by hand is pinned, and later layouts keep it where it is.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type Node,
  type NodeChange,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import type { ArgMap, ArgNode } from '../../model/schema';
import { moveNodes } from '../../model/operations';
import { hiddenNodes } from '../../model/graph';
import { searchMap } from '../../model/search';
import { buildOutline } from '../../model/outline';
import { kindStyles } from '../../io/kindStyles';
import { useMapStore } from '../../store/mapStore';
import { useUiStore } from '../../store/uiStore';
import { connectNodes, pin } from '../../app/actions';
import { ArgNodeView, type ArgFlowNode } from './ArgNodeView';
import {
  deriveFlowNodes,
  dropEstimatedHandles,
  estimatedHandles,
  updateFlowNodes,
  type NodeContext,
} from './flowNodes';
import { toFlowEdge } from './flowEdges';
import { Legend } from './Legend';
import { NODE_WIDTH } from '../../layout/layout';
import { CanvasMiniMap } from './CanvasMiniMap';
import { MIN_ZOOM, boundsOf, boxOf, estimatedCovers, initialViewport } from './initialViewport';
import { freeRect, shiftIntoView, viewportInto, type Box } from './freeArea';
import { overviewViewport } from './overview';
import { LevelOfDetail } from './LevelOfDetail';
import { mainConclusions, thesisTitle } from './cardLabel';
import { useFocusLayout } from './useFocusLayout';
import { RoutedEdge, type RoutedFlowEdge } from './RoutedEdge';
import { EdgeTabs } from './EdgeTabs';
import { edgesNear, useEdgeRoutes } from './useEdgeRoutes';
import { GroupNodeView, type GroupFlowNode } from './GroupNodeView';
import {
  collapseEdges,
  collapsing,
  frameNodeId,
  groupBoxes,
  groupNodeId,
  groupTitle,
} from './groupView';
import { nodeSize, shownLabel, type Size } from '../../layout/nodeSize';
import { repack } from '../../layout/repack';
import { OPEN_BATCH, afterNextFrame, handedNodes, viewBox } from './openingBatches';
import { useDraftStore } from '../draft/draftStore';

/** A draft under review (issue 15): its proposals and review list, loaded when one is shown. */
const DraftLayer = lazy(() => import('./DraftLayer').then((m) => ({ default: m.DraftLayer })));

/** Node sizes by node record and label language: an edit re-measures only the node it replaced. */
const sizeCache = new WeakMap<ArgNode, { language: string; size: Size }>();
function cachedSize(node: ArgNode, language: string): Size {
  const hit = sizeCache.get(node);
  if (hit?.language === language) return hit.size;
  const size = nodeSize(node, shownLabel(node, language));
  sizeCache.set(node, { language, size });
  return size;
}
import { useT } from '../i18n';
import { useContentReadOnly } from '../sharing/roles';

const nodeTypes = { arg: ArgNodeView, group: GroupNodeView };
/** A selected edge's flow edge: one copy per flow edge, so it keeps its identity while selected. */
const selectedCopies = new WeakMap<RoutedFlowEdge, RoutedFlowEdge>();
const edgeTypes = { routed: RoutedEdge };
const miniMapColor = (n: Node) =>
  n.type === 'arg' ? kindStyles[(n as ArgFlowNode).data.node.kind].stroke : 'transparent';
/**
 * Above this many nodes the canvas draws cheaper variants: a minimap drawn once into a <canvas>
 * instead of React Flow's SVG one (which repaints every node on each frame of a pan: 18 fps
 * instead of 60 at 5,000 nodes), and solid edges while the view moves (see canvas.css).
 */
const BIG_MAP = 500;
/** Lets the nodes a reveal unfolds reach the canvas before the view moves to them. */
const REVEAL_DELAY = 30;
const EMPTY: string[] = [];
const NOTHING_HIDDEN = { hidden: new Set<string>(), foldCounts: new Map<string, number>() };

/**
 * The minimap takes the map's proportions (within bounds), so a wide map shows as a strip
 * rather than a thin line in a square.
 */
function miniMapSize(nodes: ArgMap['nodes']): { width: number; height: number } {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { position } of nodes) {
    if (!position) continue;
    minX = Math.min(minX, position.x);
    minY = Math.min(minY, position.y);
    maxX = Math.max(maxX, position.x + NODE_WIDTH);
    maxY = Math.max(maxY, position.y + 100);
  }
  const width = 220;
  if (!(maxX > minX)) return { width, height: 150 };
  return {
    width,
    height: Math.round(Math.min(150, Math.max(60, (width * (maxY - minY)) / (maxX - minX)))),
  };
}

export function MapCanvas({ map }: { map: ArgMap }) {
  const selectedIds = useMapStore((s) => s.selection.nodeIds);
  const selectedEdgeIds = useMapStore((s) => s.selection.edgeIds);
  const readOnly = useContentReadOnly();
  const drafted = useDraftStore((s) => s.reviews[map.id] !== undefined || s.drafting === map.id);
  const t = useT();
  // React Flow's own names and descriptions, in the interface's language.
  const ariaLabels = useMemo(
    () => ({
      'node.a11yDescription.default': t('nodeA11y'),
      'node.a11yDescription.keyboardDisabled': t('nodeA11y'),
      'edge.a11yDescription.default': t('edgeA11y'),
      'controls.ariaLabel': t('controls'),
      'controls.zoomIn.ariaLabel': t('zoomIn'),
      'controls.zoomOut.ariaLabel': t('zoomOut'),
      'controls.fitView.ariaLabel': t('fitView'),
      'controls.interactive.ariaLabel': t('interactivity'),
      'minimap.ariaLabel': t('miniMap'),
      'handle.ariaLabel': t('handle'),
    }),
    [t],
  );
  const select = useMapStore((s) => s.select);
  const edit = useMapStore((s) => s.edit);
  const labelLanguage = useUiStore((s) => s.labelLanguage);
  const folded = useUiStore((s) => s.collapsed[map.id] ?? EMPTY);
  const focus = useUiStore((s) => s.focus[map.id] ?? null);
  const search = useUiStore((s) => s.search);
  const hovered = useMapStore((s) => s.highlightedSentences);
  const kindFilter = useUiStore((s) => s.kindFilter);
  const tagFilter = useUiStore((s) => s.tagFilter);
  const [nodes, setNodes] = useState<ArgFlowNode[]>([]);
  const reveal = useUiStore((s) => s.reveal);
  const flow = useReactFlow();
  const wrapper = useRef<HTMLDivElement>(null);

  /**
   * Moves the view to show the given flow nodes in the part of the canvas that no panel or
   * overlay covers (legend, minimap, controls), measured now.
   */
  const showNodes = useCallback(
    (shown: readonly ArgFlowNode[], options: { maxZoom?: number; padding?: number } = {}) => {
      const el = wrapper.current;
      const bounds = boundsOf(shown.map(boxOf));
      if (!el || !bounds) return;
      const free = freeRect(
        { x: 0, y: 0, width: el.clientWidth, height: el.clientHeight },
        coversIn(el),
        bounds.width / Math.max(bounds.height, 1),
      );
      void flow.setViewport(viewportInto(bounds, free, { minZoom: MIN_ZOOM, ...options }), {
        duration: 300,
      });
    },
    [flow],
  );
  const nodesRef = useRef<ArgFlowNode[]>([]);
  nodesRef.current = nodes;
  useEffect(() => {
    if (reveal?.ids.length) {
      const ids = new Set(reveal.ids);
      // After this render's nodes are set (a revealed node may have just been unfolded).
      const timer = setTimeout(
        () =>
          showNodes(
            nodesRef.current.filter((n) => ids.has(n.id)),
            { maxZoom: 1.1, padding: 0.4 },
          ),
        REVEAL_DELAY,
      );
      return () => clearTimeout(timer);
    }
  }, [reveal, showNodes]);
  /**
   * Fits the shown nodes into the part of the canvas no panel covers (legend, minimap, controls,
   * any other panel), measured now.
   */
  const fitAll = useCallback(
    (shown: readonly ArgFlowNode[] = nodesRef.current, duration = 300) => {
      const el = wrapper.current;
      const boxes = shown.map(boxOf);
      // The frames around them too (their title bands stand above the nodes).
      if (shown === nodesRef.current) boxes.push(...groupNodesRef.current.map(boxOf));
      const bounds = boundsOf(boxes);
      if (!el || !bounds) return;
      const free = freeRect(
        { x: 0, y: 0, width: el.clientWidth, height: el.clientHeight },
        coversIn(el),
        bounds.width / Math.max(bounds.height, 1),
      );
      const titled = shown.flatMap((n, i) =>
        n.data.main
          ? [{ box: boxes[i]!, chars: [...thesisTitle(n.data.node, n.data.label)].length }]
          : [],
      );
      const view = overviewViewport(boxes, titled, free, { maxZoom: 1 });
      if (view) void flow.setViewport(view, { duration });
    },
    [flow],
  );
  const onFitView = useCallback(() => fitAll(), [fitAll]);
  // New nodes come into view: the view pans only as far as needed (and not at all when they are
  // in view already), clear of the legend, minimap and controls, keeping its zoom.
  const keepInView = useUiStore((s) => s.keepInView);
  useEffect(() => {
    if (!keepInView?.ids.length) return;
    const ids = new Set(keepInView.ids);
    const timer = setTimeout(() => {
      const el = wrapper.current;
      const bounds = boundsOf(nodesRef.current.filter((n) => ids.has(n.id)).map(boxOf));
      if (!el || !bounds) return;
      const { x, y, zoom } = flow.getViewport();
      const target = {
        x: bounds.x * zoom + x,
        y: bounds.y * zoom + y,
        width: bounds.width * zoom,
        height: bounds.height * zoom,
      };
      const area = { x: 0, y: 0, width: el.clientWidth, height: el.clientHeight };
      const free = freeRect(area, coversIn(el), target.width / Math.max(target.height, 1));
      // The free rectangle of the target's proportions may be small; show within the canvas
      // when it does not fit there.
      const room = free.width >= target.width + 48 && free.height >= target.height + 48;
      const { dx, dy } = shiftIntoView(target, room ? free : area);
      if (dx || dy) void flow.setViewport({ x: x + dx, y: y + dy, zoom }, { duration: 200 });
    }, REVEAL_DELAY);
    return () => clearTimeout(timer);
  }, [keepInView, flow]);

  const overviewRequest = useUiStore((s) => s.overviewRequest);
  useEffect(() => {
    if (overviewRequest) fitAll();
  }, [overviewRequest, fitAll]);

  // What is hidden depends on the map's structure (node ids, edges), not on what the nodes say:
  // recomputed only when that or a fold or focus changes, so typing in a node keeps the same sets
  // (and the same edges for React Flow).
  const hiding = folded.length > 0 || focus !== null;
  const structure = hiding ? map : null;
  const { hidden, foldCounts } = useMemo(() => {
    if (!structure) return NOTHING_HIDDEN;
    return hiddenNodes(structure, folded, focus);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- structure: see above
  }, [structure?.edges, structure?.nodes.length, folded, focus]);
  const focusLayout = useFocusLayout(map, focus, hidden, labelLanguage);
  // Boxes take the size of the labels shown, so switching labels can make them overlap where the
  // map was laid out for the other language: those are re-packed for display (pinned nodes stay;
  // the document keeps its positions). JSON keeps the result's identity while nothing moves, so
  // typing in a node re-derives no other node.
  const pinnedIds = useUiStore((s) => s.pinned[map.id] ?? EMPTY);
  const repackJson = useMemo(() => {
    const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();
    for (const n of map.nodes)
      if (n.position) boxes.set(n.id, { ...n.position, ...cachedSize(n, labelLanguage) });
    return JSON.stringify(repack(boxes, new Set(pinnedIds)));
  }, [map.nodes, labelLanguage, pinnedIds]);
  const repacked = useMemo(() => {
    const moved = JSON.parse(repackJson) as Record<string, { x: number; y: number }>;
    return Object.keys(moved).length ? moved : null;
  }, [repackJson]);
  // Collapsed groups hide their members (a box stands in for them). A string first, so an edit
  // that changes no membership (typing) keeps the same sets.
  const collapseKey = useMemo(() => {
    const c = collapsing(map, hidden);
    return JSON.stringify([...c.standIn]);
  }, [map, hidden]);
  const collapse = useMemo(
    () => collapsing(map, hidden),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- collapseKey: see above
    [collapseKey, map.groups],
  );
  const allHidden = useMemo(() => {
    if (!collapse.standIn.size) return hidden;
    const all = new Set(hidden);
    for (const id of collapse.standIn.keys()) all.add(id);
    return all;
  }, [hidden, collapse]);
  // A string first, so that an edit which leaves the main conclusions as they were (typing in a
  // node) keeps the same set, and the same context for the flow nodes.
  const mainKey = useMemo(() => [...mainConclusions(map)].join(' '), [map]);
  const main = useMemo(() => new Set(mainKey.split(' ').filter(Boolean)), [mainKey]);
  const matches = useMemo(() => {
    if (!search.trim()) return null;
    return new Set(
      searchMap(map, search, Infinity)
        .filter((h) => h.type === 'node')
        .map((h) => h.id),
    );
  }, [map, search]);

  const context = useMemo<NodeContext>(
    () => ({
      selected: new Set(selectedIds),
      labelLanguage,
      hidden: allHidden,
      foldCounts,
      matches,
      kindFilter,
      tagFilter,
      hovered,
      main,
      displayPositions: focusLayout?.positions ?? repacked,
    }),
    [
      selectedIds,
      labelLanguage,
      allHidden,
      foldCounts,
      matches,
      kindFilter,
      tagFilter,
      hovered,
      main,
      focusLayout,
      repacked,
    ],
  );
  // The nodes' Tab order is the outline's (conclusions first, each node after what it bears on),
  // not the order they were made in. It depends on the edges, the node ids and which nodes are
  // conclusions, not on what the nodes say: typing in a node keeps it.
  const conclusionKey = useMemo(
    () =>
      map.nodes
        .filter((n) => n.kind === 'conclusion')
        .map((n) => n.id)
        .join(' '),
    [map.nodes],
  );
  const ordered = { nodes: map.nodes, edges: map.edges };
  const tabOrder = useMemo(
    () => outlineRanks(ordered),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
    [map.edges, map.nodes.length, conclusionKey],
  );
  // What the flow nodes were last derived from: with the same context and order, an edit
  // rebuilds only the nodes it replaced (O(changed) instead of O(n) per keystroke).
  const derivedFrom = useRef<{
    nodes: readonly ArgNode[];
    context: NodeContext;
    order: ReadonlyMap<string, number>;
  } | null>(null);
  useEffect(() => {
    const last = derivedFrom.current;
    derivedFrom.current = { nodes: map.nodes, context, order: tabOrder };
    setNodes(
      (previous) =>
        (last?.context === context &&
          last.order === tabOrder &&
          updateFlowNodes(last.nodes, map.nodes, context, previous)) ||
        deriveFlowNodes(map.nodes, context, previous, tabOrder),
    );
  }, [map.nodes, context, tabOrder]);

  // The view the map opens on, from the canvas's size, measured once the page around it has been
  // drawn: React Flow then comes in a task of its own, not in the one that made the whole editor,
  // and measuring forces no layout of the page.
  const [defaultViewport, setDefaultViewport] = useState<Viewport | null>(null);
  // What that view shows (flow coordinates): its nodes reach React Flow a batch per task.
  const [openingView, setOpeningView] = useState<Box | null>(null);
  useEffect(
    () =>
      afterNextFrame(() => {
        const box = wrapper.current?.getBoundingClientRect();
        const current = useMapStore.getState().map;
        if (box && current) {
          const covers = estimatedCovers(box.width, box.height, miniMapSize(current.nodes));
          const viewport = initialViewport(current, hidden, box.width, box.height, covers);
          setDefaultViewport(viewport);
          setOpeningView(viewBox(viewport, box.width, box.height));
        }
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the map opens
    [],
  );

  // Focus: keep the view from before, fit the branch once its own layout is shown, and go back
  // to the view from before when leaving.
  const viewBeforeFocus = useRef<Viewport | null>(null);
  const fittedFocus = useRef<string | null>(null);
  useEffect(() => {
    if (focus && !viewBeforeFocus.current) viewBeforeFocus.current = flow.getViewport();
    if (!focus && viewBeforeFocus.current) {
      void flow.setViewport(viewBeforeFocus.current, { duration: 300 });
      viewBeforeFocus.current = null;
      fittedFocus.current = null;
    }
  }, [focus, flow]);
  useEffect(() => {
    if (!focusLayout || fittedFocus.current === focusLayout.focus) return;
    // Once the nodes carry the branch's positions (by value: a branch already laid out compactly
    // may keep every position it had).
    const placed = (n: ArgFlowNode) => {
      const p = focusLayout.positions[n.id];
      return !p || (p.x === n.position.x && p.y === n.position.y);
    };
    if (!nodes.length || !nodes.every(placed)) return;
    fittedFocus.current = focusLayout.focus;
    fitAll(nodes);
  }, [focusLayout, nodes, fitAll]);
  const focusState = focus ? (focusLayout ? 'ready' : 'laying-out') : undefined;

  const onMiniMapClick = useCallback(
    (_: unknown, at: { x: number; y: number }) =>
      void flow.setCenter(at.x, at.y, { zoom: flow.getZoom(), duration: 200 }),
    [flow],
  );

  // The part of the map in view (flow coordinates), updated when the view stops moving: the
  // edges there are routed.
  const [view, setView] = useState<Box | null>(null);
  const updateView = useCallback((v: Viewport) => {
    const el = wrapper.current;
    if (!el) return;
    setView({
      x: -v.x / v.zoom,
      y: -v.y / v.zoom,
      width: el.clientWidth / v.zoom,
      height: el.clientHeight / v.zoom,
    });
  }, []);
  useEffect(() => {
    if (defaultViewport) updateView(defaultViewport);
  }, [defaultViewport, updateView]);
  // Group frames around their members' boxes, and collapsed groups' boxes.
  const groupNodes = useMemo<GroupFlowNode[]>(() => {
    if (!map.groups?.length) return [];
    const boxes = new Map(nodes.map((n) => [n.id, boxOf(n)]));
    const byId = new Map(map.nodes.map((n) => [n.id, n]));
    const positions = focusLayout?.positions ?? repacked;
    const memberBox = (id: string) => {
      const n = byId.get(id);
      const p = positions?.[id] ?? n?.position;
      return n && p ? { ...p, ...cachedSize(n, labelLanguage) } : undefined;
    };
    return groupBoxes(map, boxes, collapse, memberBox).map(
      ({ group, collapsed, box, count, depth }): GroupFlowNode => ({
        id: collapsed ? groupNodeId(group.id) : frameNodeId(group.id),
        type: 'group',
        position: { x: box.x, y: box.y },
        width: box.width,
        height: box.height,
        data: {
          group,
          title: groupTitle(group, labelLanguage),
          language: labelLanguage,
          collapsed,
          count,
          depth,
        },
        draggable: false,
        selectable: false,
        zIndex: collapsed ? 0 : -1,
        // A box's handles where GroupNodeView draws them, so its edges need no measuring.
        ...(collapsed
          ? { handles: estimatedHandles(box.width, box.height) }
          : { className: 'is-frame' }),
      }),
    );
  }, [map, nodes, collapse, labelLanguage, focusLayout, repacked]);
  const groupNodesRef = useRef<GroupFlowNode[]>([]);
  groupNodesRef.current = groupNodes;
  const flowNodes = useMemo(
    // After the statements, so lists of the canvas's nodes start with them; frames still lie
    // beneath (zIndex -1).
    () => (groupNodes.length ? [...nodes, ...groupNodes] : nodes),
    [groupNodes, nodes],
  );
  // While the map opens, React Flow is given the nodes of the opening view a batch per task, a
  // frame between batches (see openingBatches): creating, drawing and measuring a few hundred
  // nodes at once blocked the page for up to a second or two. Null once all are handed over.
  const [openingShown, setOpeningShown] = useState<number | null>(OPEN_BATCH);
  const opening = useMemo(
    () =>
      openingView && openingShown !== null && nodes.length
        ? handedNodes(flowNodes, openingView, openingShown)
        : null,
    [flowNodes, openingView, openingShown, nodes.length],
  );
  const stillOpening = !!opening?.waiting;
  const emptyMap = map.nodes.length === 0;
  useEffect(() => {
    if (openingShown === null || !openingView) return;
    // A map opened empty has nothing to hand over: nodes made later come as they are made.
    if (emptyMap) return setOpeningShown(null);
    if (!nodes.length) return;
    if (!stillOpening) return setOpeningShown(null);
    // After the next frame (which draws and measures this batch), in a task of its own.
    return afterNextFrame(() => setOpeningShown((n) => (n === null ? n : n + OPEN_BATCH)));
  }, [openingShown, openingView, stillOpening, nodes.length, emptyMap]);
  const handed = opening?.nodes ?? flowNodes;
  // What edges are routed around: the nodes and the collapsed groups' boxes (not the frames).
  const routedNodes = useMemo(
    () =>
      groupNodes.some((g) => g.data.collapsed)
        ? [...nodes, ...groupNodes.filter((g) => g.data.collapsed)]
        : nodes,
    [groupNodes, nodes],
  );
  const shownEdges = useMemo(
    () =>
      collapseEdges(
        map.edges.filter((e) => !hidden.has(e.from) && !hidden.has(e.to)),
        collapse.standIn,
      ),
    [map.edges, hidden, collapse],
  );
  const routes = useEdgeRoutes(routedNodes, shownEdges, view);
  const nearEdges = useMemo(
    () => edgesNear(shownEdges, routedNodes, view),
    [shownEdges, routedNodes, view],
  );
  // The same array while every edge keeps its object (typing in a node that names no edge), so
  // React Flow does not rebuild its per-edge lookups on each keystroke.
  const lastEdges = useRef<RoutedFlowEdge[]>([]);
  // The edges are named by their ends' text. The nodes by id are kept up to date in place: an
  // edit that replaces some nodes (typing) updates only their entries, and the edges are named
  // again only when one of those is the end of an edge on the canvas.
  const nodeIndex = useRef<{ nodes: readonly ArgNode[]; byId: Map<string, ArgNode> } | null>(null);
  const namesChanged = useRef(0);
  const edgeEnds = useMemo(() => new Set(nearEdges.flatMap((e) => [e.from, e.to])), [nearEdges]);
  const endNames = useMemo(() => {
    const last = nodeIndex.current;
    const nodes = map.nodes;
    let rebuilt = !last || last.nodes.length !== nodes.length;
    let endChanged = false;
    if (last && !rebuilt)
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i]!;
        if (node === last.nodes[i]) continue;
        if (node.id !== last.nodes[i]!.id) {
          rebuilt = true;
          break;
        }
        last.byId.set(node.id, node);
        if (edgeEnds.has(node.id)) endChanged = true;
      }
    if (rebuilt) nodeIndex.current = { nodes, byId: new Map(nodes.map((n) => [n.id, n])) };
    else nodeIndex.current = { nodes, byId: last!.byId };
    return rebuilt || endChanged ? ++namesChanged.current : namesChanged.current;
  }, [map.nodes, edgeEnds]);
  const edges = useMemo(() => {
    const texts = nodeIndex.current!.byId;
    const name = (id: string) => {
      const n = texts.get(id);
      const text = n ? shownLabel(n, labelLanguage) || t.kind(n.kind) : id;
      return text.length > 60 ? `${text.slice(0, 60)}…` : text;
    };
    const selected = new Set(selectedEdgeIds);
    const last = lastEdges.current;
    const next = nearEdges.map((e) => {
      const flow = toFlowEdge(
        e,
        routes.get(e.id),
        `${name(e.from)} — ${t.relation(e.relation)} → ${name(e.to)}`,
      );
      if (!selected.has(e.id)) return flow;
      let copy = selectedCopies.get(flow);
      if (!copy) selectedCopies.set(flow, (copy = { ...flow, selected: true }));
      return copy;
    });
    const same = next.length === last.length && next.every((e, i) => e === last[i]);
    return same ? last : (lastEdges.current = next);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- endNames: the ends' names changed
  }, [nearEdges, routes, endNames, labelLanguage, t, selectedEdgeIds]);
  // While the map opens, the edges whose two ends React Flow has been given.
  const handedEdges = useMemo(() => {
    if (handed === flowNodes) return edges;
    const ids = new Set(handed.map((n) => n.id));
    return edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  }, [handed, flowNodes, edges]);
  // Edges are selected by click or keyboard on the canvas; the store keeps which.
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const before = useMapStore.getState().selection.edgeIds;
      const current = new Set(before);
      for (const change of changes) {
        if (change.type !== 'select') continue;
        if (change.selected) current.add(change.id);
        else current.delete(change.id);
      }
      // Only a real change: selecting what is selected must not re-render (and re-trigger).
      if (!sameIds(before, [...current])) select({ edgeIds: [...current] });
    },
    [select],
  );

  // Nodes are selected by click, keyboard or selection box on the canvas: React Flow reports that
  // as 'select' changes, and the store keeps which. Only those user changes reach the store, never
  // what React Flow merely reads back from the props: the flow nodes take a new selection one
  // render after the edges do (they are state, set in an effect), so going from a selected edge
  // to a node showed React Flow a moment with nothing selected, which written back to the store
  // undid the selection, and so on without end ("Maximum update depth exceeded").
  const onNodesChange = useCallback(
    (all: NodeChange<ArgFlowNode | GroupFlowNode>[]) => {
      // Group frames and boxes are derived from the map, never changed on the canvas.
      const changes = all.filter(
        (c) => !('id' in c) || !/^(group|frame):/.test(c.id),
      ) as NodeChange<ArgFlowNode>[];
      // Nothing left: keep the nodes (a new array would make new frames, measured again).
      if (!changes.length) return;
      const measured = new Set<string>();
      for (const change of changes) if (change.type === 'dimensions') measured.add(change.id);
      setNodes((current) => dropEstimatedHandles(applyNodeChanges(changes, current), measured));
      const before = useMapStore.getState().selection.nodeIds;
      const selected = new Set(before);
      for (const change of changes) {
        if (change.type !== 'select') continue;
        if (change.selected) selected.add(change.id);
        else selected.delete(change.id);
      }
      if (!sameIds(before, [...selected])) select({ nodeIds: [...selected] });
      const finished: Record<string, { x: number; y: number }> = {};
      for (const change of changes) {
        if (change.type === 'position' && change.dragging === false && change.position) {
          finished[change.id] = change.position;
        }
      }
      const ids = Object.keys(finished);
      if (ids.length && edit((m) => moveNodes(m, finished))) pin(...ids);
    },
    [edit, select],
  );

  // React Flow ignores a plain click on a node it holds as selected, and its copy of the
  // selection follows the store a render late: a click in that moment (say, on the node just left
  // for a new child) was lost. A plain click on a statement (not on a control inside it) selects
  // it here too; with Ctrl/⌘/Shift, React Flow's own changes add and remove.
  const onNodeClick = useCallback(
    (event: React.MouseEvent, node: ArgFlowNode | GroupFlowNode) => {
      if (node.type !== 'arg' || event.shiftKey || event.metaKey || event.ctrlKey) return;
      if ((event.target as Element).closest('button, input, textarea, select, a')) return;
      const { nodeIds, edgeIds } = useMapStore.getState().selection;
      if (!sameIds(nodeIds, [node.id]) || edgeIds.length)
        select({ nodeIds: [node.id], edgeIds: [] });
    },
    [select],
  );

  // A node's whole box takes a drop (ArgNodeView's drop handle), its own excepted.
  const isValidConnection = useCallback(
    (c: Connection | RoutedFlowEdge) => c.source !== c.target,
    [],
  );
  const onConnect = useCallback((connection: Connection) => {
    // Drawn from a premise's top handle to the bottom of what it supports.
    if (connection.source && connection.target)
      connectNodes(connection.source, connection.target, 'supports');
  }, []);

  const big = map.nodes.length > BIG_MAP;
  // A class, not state: toggling it re-renders nothing.
  const onMoveStart = useCallback(() => wrapper.current?.classList.add('is-moving'), []);
  const onMoveEnd = useCallback(
    (_: unknown, viewport: Viewport) => {
      wrapper.current?.classList.remove('is-moving');
      updateView(viewport);
    },
    [updateView],
  );

  return (
    <div
      className="canvas"
      aria-label={t('canvas')}
      ref={wrapper}
      data-focus-layout={focusState}
      // Until every node in the opening view has been handed to React Flow.
      data-opening={!defaultViewport || stillOpening || undefined}
    >
      {defaultViewport && (
        <ReactFlow
          nodes={handed}
          edges={handedEdges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeClick={onNodeClick}
          onConnect={onConnect}
          onMoveStart={big ? onMoveStart : undefined}
          onMoveEnd={onMoveEnd}
          defaultViewport={defaultViewport}
          minZoom={MIN_ZOOM}
          nodesDraggable={!focusLayout && !readOnly}
          nodesConnectable={!readOnly}
          edgesFocusable={false}
          connectionRadius={60}
          isValidConnection={isValidConnection}
          onlyRenderVisibleElements
          deleteKeyCode={null}
          ariaLabelConfig={ariaLabels}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        >
          <EdgeTabs edges={handedEdges} />
          <Background gap={24} />
          {big ? (
            <CanvasMiniMap label={t('miniMap')} />
          ) : (
            <MiniMap
              pannable
              zoomable
              onClick={onMiniMapClick}
              nodeColor={miniMapColor}
              style={miniMapSize(map.nodes)}
            />
          )}
          <Controls showFitView={false}>
            {/* React Flow's own button waits for every node to be measured (see viewportFor). */}
            <ControlButton
              className="react-flow__controls-fitview"
              onClick={onFitView}
              title={t('fitView')}
              aria-label={t('fitView')}
            >
              <svg viewBox="0 0 32 30" aria-hidden>
                <path d="M3.692 4.63c0-.53.4-.938.939-.938h5.215V0H4.708C2.13 0 0 2.054 0 4.63v5.216h3.692V4.631zM27.354 0h-5.2v3.692h5.17c.53 0 .984.4.984.939v5.215H32V4.631A4.624 4.624 0 0027.354 0zm.954 24.83c0 .532-.4.94-.939.94h-5.215v3.768h5.215c2.577 0 4.631-2.13 4.631-4.707v-5.139h-3.692v5.139zm-23.677.94c-.531 0-.939-.4-.939-.94v-5.138H0v5.139c0 2.577 2.13 4.707 4.708 4.707h5.138V25.77H4.631z" />
              </svg>
            </ControlButton>
          </Controls>
          <Legend />
          <LevelOfDetail wrapper={wrapper} />
          {drafted && (
            <Suspense fallback={null}>
              <DraftLayer map={map} />
            </Suspense>
          )}
        </ReactFlow>
      )}
    </div>
  );
}

/**
 * The panels lying over the canvas (its own legend, minimap and controls, and overlays marked
 * data-canvas-cover anywhere in the page, such as the comparison panel), in the canvas's own
 * pixels.
 */
function coversIn(el: HTMLElement): Box[] {
  const origin = el.getBoundingClientRect();
  const found = new Set([
    ...el.querySelectorAll('.react-flow__panel'),
    ...document.querySelectorAll('[data-canvas-cover]'),
  ]);
  return [...found].map((p) => {
    const r = p.getBoundingClientRect();
    return { x: r.left - origin.left, y: r.top - origin.top, width: r.width, height: r.height };
  });
}

/** Each node's place in the outline (its first appearance there). */
function outlineRanks(map: Pick<ArgMap, 'nodes' | 'edges'>): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const item of buildOutline(map))
    if (!ranks.has(item.nodeId)) ranks.set(item.nodeId, ranks.size);
  return ranks;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
