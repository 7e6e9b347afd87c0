/**
 * The rows of the benchmark's table: which samples (keys `metric.size.who`, filled by run.ts)
 * each row compares, and the target it is held to (issues 6 and 11).
 */
import type { Row } from './report';

export function benchRows(samples: Map<string, number[]>, initialJsGzip: number): Row[] {
  const s = (key: string) => samples.get(key) ?? [];
  const pair = (metric: string, n: number | string) => ({
    ours: s(`${metric}.${n}.ours`),
    baseline: s(`${metric}.${n}.baseline`),
  });
  const ratioAtMost = (limit: number) => (_: number, ratio: number) => ratio <= limit;
  const atMost = (limit: number) => (ours: number) => ours <= limit;
  const rows: Row[] = [
    {
      metric: 'open: article map',
      unit: 'ms',
      ...pair('open', 'article'),
      target: '≤ 1000 ms',
      check: atMost(1000),
    },
    { metric: 'open: 100 nodes', unit: 'ms', ...pair('open', 100), target: '—', check: null },
    {
      metric: 'open: 1,000 nodes',
      unit: 'ms',
      ...pair('open', 1000),
      target: '≤ 1.5×',
      check: ratioAtMost(1.5),
    },
    {
      metric: 'open: 5,000 nodes',
      unit: 'ms',
      ...pair('open', 5000),
      target: '≤ 1.5×',
      check: ratioAtMost(1.5),
    },
    {
      metric: 'total blocking time of the open: 5,000',
      unit: 'ms',
      ...pair('tbt', 5000),
      target: '≤ 150 ms',
      check: atMost(150),
    },
    {
      metric: 'open by URL (?open=, read-only): 1,000',
      unit: 'ms',
      ours: s('openByUrl.1000.ours'),
      baseline: s('open.1000.baseline'),
      target: '—',
      check: null,
    },
    {
      metric: 'open by URL (?open=, read-only): 5,000',
      unit: 'ms',
      ours: s('openByUrl.5000.ours'),
      baseline: s('open.5000.baseline'),
      target: '—',
      check: null,
    },
    {
      metric: 'nodes in the DOM after open: 5,000',
      unit: 'count',
      ...pair('nodesShown', 5000),
      target: '—',
      check: null,
    },
    { metric: 'pan/zoom fps: 1,000', unit: 'fps', ...pair('fps', 1000), target: '—', check: null },
    {
      metric: 'pan/zoom fps: 5,000',
      unit: 'fps',
      ...pair('fps', 5000),
      target: '≥ 55 fps',
      check: (o) => o >= 55,
    },
    {
      metric: 'pan/zoom p95 frame: 5,000',
      unit: 'ms',
      ...pair('p95', 5000),
      target: '≤ 20 ms',
      check: atMost(20),
    },
    {
      metric: 'drag input→paint: 1,000',
      unit: 'ms',
      ...pair('drag', 1000),
      target: '≤ 1.25×',
      check: ratioAtMost(1.25),
    },
    {
      metric: 'drag input→paint: 5,000',
      unit: 'ms',
      ...pair('drag', 5000),
      target: '≤ 1.25×',
      check: ratioAtMost(1.25),
    },
    {
      metric: 'keystroke→canvas: 1,000',
      unit: 'ms',
      ...pair('typing', 1000),
      target: '—',
      check: null,
    },
    {
      metric: 'keystroke→canvas: 5,000',
      unit: 'ms',
      ...pair('typing', 5000),
      target: '≤ 50 ms',
      check: atMost(50),
    },
    {
      metric: 'node re-renders per keystroke: 5,000',
      unit: 'count',
      ...pair('rerendered', 5000),
      target: '1',
      check: (o) => o <= 1,
    },
    {
      metric: 'one edit → persisted: 5,000',
      unit: 'ms',
      ours: s('persistMs.5000.ours'),
      baseline: null,
      target: '≤ 10 ms',
      check: atMost(10),
    },
    {
      metric: 'IndexedDB records per edit: 5,000',
      unit: 'count',
      ours: s('persistRecords.5000.ours'),
      baseline: null,
      // The edited node only: the map record is no longer rewritten on each edit.
      target: '1 (the node)',
      check: atMost(1),
    },
    {
      metric: 'layout: 1,000 nodes',
      unit: 'ms',
      ours: s('layout.1000.ours'),
      baseline: null,
      target: '≤ 1500 ms',
      check: atMost(1500),
    },
    {
      metric: 'fold a 500-node section: 5,000',
      unit: 'ms',
      ours: s('collapse.5000.ours'),
      baseline: null,
      target: '≤ 200 ms',
      check: atMost(200),
    },
    {
      metric: 'unfold a 500-node section: 5,000',
      unit: 'ms',
      ours: s('expand.5000.ours'),
      baseline: null,
      target: '≤ 200 ms',
      check: atMost(200),
    },
    {
      metric: 'layout: 5,000 nodes',
      unit: 'ms',
      ours: s('layout.5000.ours'),
      baseline: null,
      target: '≤ 6000 ms',
      check: atMost(6000),
    },
    {
      metric: 'longest task while ELK computes',
      unit: 'ms',
      ours: s('layoutTask.1000.ours'),
      baseline: null,
      target: '≤ 50 ms',
      check: atMost(50),
    },
    {
      metric: 'longest task incl. applying it',
      unit: 'ms',
      ours: s('layoutApplyTask.1000.ours'),
      baseline: null,
      target: '—',
      check: null,
    },
    {
      metric: 'add node beside selected → painted: 5,000',
      unit: 'ms',
      ours: s('placeMs.5000.ours'),
      baseline: null,
      target: '—',
      check: null,
    },
    {
      metric: 'add node: layout runs + nodes moved: 5,000',
      unit: 'count',
      ours: [...s('placeLayouts.5000.ours'), ...s('placeMoved.5000.ours')].length
        ? s('placeLayouts.5000.ours').map((l, i) => l + (s('placeMoved.5000.ours')[i] ?? 0))
        : [],
      baseline: null,
      target: '0',
      check: (o) => o === 0,
    },
    {
      metric: 'JS heap after open: 1,000',
      unit: 'MB',
      ...pair('heap', 1000),
      target: '—',
      check: null,
    },
    {
      metric: 'JS heap after open: 5,000',
      unit: 'MB',
      ...pair('heap', 5000),
      target: '≤ 2×',
      check: ratioAtMost(2),
    },
    {
      metric: 'initial JS (gzip)',
      unit: 'KB',
      ours: [initialJsGzip / 1024],
      baseline: null,
      target: '≤ 250 KB',
      check: atMost(250),
    },
    {
      metric: 'CLI export 1,000 nodes → SVG',
      unit: 'ms',
      ours: s('cli'),
      baseline: null,
      target: '≤ 1000 ms',
      check: atMost(1000),
    },
    {
      metric: 'CLI export, in-process (no start-up)',
      unit: 'ms',
      ours: s('cliInProcess'),
      baseline: null,
      target: '—',
      check: null,
    },
  ];
  return rows;
}
