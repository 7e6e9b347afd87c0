/**
 * The code the benchmark injects into every page (the editor's and the baseline's alike), before
 * the page's own scripts run. It is a plain-JavaScript string on purpose: functions compiled by
 * tsx carry helpers that do not exist in the page.
 *
 * `window.__bench` then holds:
 * - `ready`: `performance.now()` of the first frame in which the canvas showed nodes, none hidden
 *   for measuring, the expected map (`window.__benchTitle`, when set, against the toolbar title),
 *   and the same node count for five frames in a row: "all visible nodes rendered";
 * - `writes`/`commits`: every IndexedDB put/add/delete/clear (store, time) and every committed
 *   transaction that wrote (first write → `complete`), by wrapping `IDBObjectStore.prototype`;
 * - `saveTimers`: when each 250 ms timer fired (the autosave delay), to time the write itself;
 * - `longtasks`: main-thread tasks over 50 ms (PerformanceObserver `longtask`);
 * - `workerMessages`: when each message from a Web Worker (ELK's layout) arrived;
 * - helpers to record frames, input → paint latency and per-node re-renders (see below).
 *
 * Re-renders are counted without React's profiler, which production builds leave out: React
 * gives each host element a fresh props object (`__reactProps$…`) exactly when the component
 * that returns it renders again, and keeps the old one when a memoised component bails out. So a
 * node component re-rendered iff the props object of its root element (the first child of
 * `.react-flow__node`) is a different object after the keystroke, or the element was replaced.
 */
export const PAGE_PROBES = String.raw`(() => {
  const B = (window.__bench = { ready: null, readyCount: 0, writes: [], commits: [], saveTimers: [], longtasks: [] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  B.workerMessages = [];
  const RealWorker = window.Worker;
  window.Worker = class extends RealWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => B.workerMessages.push(performance.now()));
    }
  };
  const realSetTimeout = window.setTimeout;
  window.setTimeout = function (fn, delay, ...rest) {
    if (delay === 250 && typeof fn === 'function') {
      const inner = fn;
      fn = (...a) => { B.saveTimers.push(performance.now()); return inner(...a); };
    }
    return realSetTimeout.call(window, fn, delay, ...rest);
  };
  for (const op of ['put', 'add', 'delete', 'clear']) {
    const real = IDBObjectStore.prototype[op];
    IDBObjectStore.prototype[op] = function (...args) {
      const now = performance.now();
      B.writes.push({ op, store: this.name, t: now });
      const tx = this.transaction;
      if (!tx.__benchWatched) {
        tx.__benchWatched = true;
        tx.addEventListener('complete', () => B.commits.push({ start: now, end: performance.now() }));
      }
      return real.apply(this, args);
    };
  }
  let last = -1, stable = 0, candidate = 0;
  const tick = () => {
    const els = document.querySelectorAll('.react-flow__node');
    let ok = els.length > 0;
    if (ok) for (const el of els) if (el.style.visibility === 'hidden') { ok = false; break; }
    if (ok && window.__benchTitle) {
      const h = document.querySelector('.toolbar h1');
      ok = !!h && h.textContent === window.__benchTitle;
    }
    if (ok && els.length === last) {
      if (++stable >= 5) { B.ready = candidate; B.readyCount = els.length; return; }
    } else {
      stable = ok ? 1 : 0;
      last = ok ? els.length : -1;
      candidate = performance.now();
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);

  /** Records requestAnimationFrame times until stopFrames(). */
  B.startFrames = () => {
    B.frames = [];
    B.recording = true;
    const f = (t) => { if (!B.recording) return; B.frames.push(t); requestAnimationFrame(f); };
    requestAnimationFrame(f);
  };
  B.stopFrames = () => { B.recording = false; return B.frames; };

  /** A point of the empty pane (not on a node or edge) near the canvas centre, for panning. */
  B.panePoint = () => {
    const r = document.querySelector('.react-flow__pane').getBoundingClientRect();
    for (let d = 0; d < 400; d += 7)
      for (const [dx, dy] of [[d, 0], [0, d], [-d, 0], [0, -d], [d, d], [-d, -d]]) {
        const x = r.left + r.width / 2 + dx, y = r.top + r.height / 2 + dy;
        const el = document.elementFromPoint(x, y);
        if (el && el.classList.contains('react-flow__pane')) return { x, y };
      }
    return { x: r.left + 5, y: r.top + 5 };
  };

  /** Latency from each input event (of 'type') to the next frame after 'el' changes. */
  B.armLatency = (selector, type, subtree) => {
    const el = document.querySelector(selector);
    B.latencies = [];
    let pending = null;
    const onInput = (e) => { if (pending === null) pending = e.timeStamp; };
    addEventListener(type, onInput, true);
    const mo = new MutationObserver(() => {
      if (pending === null) return;
      const t0 = pending;
      pending = null;
      requestAnimationFrame(() => B.latencies.push(performance.now() - t0));
    });
    mo.observe(el, { attributes: true, childList: true, characterData: true, subtree });
    B.disarm = () => { mo.disconnect(); removeEventListener(type, onInput, true); return B.latencies; };
  };

  const propsOf = (el) => {
    if (!el) return null;
    const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'));
    return key ? el[key] : null;
  };
  /** Remembers every node's root element and its props object. */
  B.snapshotNodes = () => {
    B.snapshot = new Map();
    for (const n of document.querySelectorAll('.react-flow__node')) {
      const inner = n.firstElementChild;
      B.snapshot.set(n.getAttribute('data-id'), { inner, props: propsOf(inner) });
    }
  };
  /** How many node components rendered again since snapshotNodes() (of those still shown). */
  B.countRerendered = () => {
    let count = 0;
    for (const n of document.querySelectorAll('.react-flow__node')) {
      const before = B.snapshot.get(n.getAttribute('data-id'));
      const inner = n.firstElementChild;
      if (!before || before.inner !== inner || before.props !== propsOf(inner)) count++;
    }
    return count;
  };
})();`;
