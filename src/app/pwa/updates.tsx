/**
 * The editor as an installed, offline site (issue 16): the service worker is registered only in
 * the built app, and only once the editor is idle, from a chunk of its own (the registration,
 * Workbox's window library and the update prompt are not part of the page's first scripts). The
 * prompt appears when a new version is ready and waits for the person to choose.
 */
import { lazy, Suspense } from 'react';

/** Resolves when the browser is next idle (or after `timeout` ms at the latest). */
export function whenIdle(timeout = 10_000): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(() => resolve(), { timeout });
    else setTimeout(resolve, 1000);
  });
}

const Prompt = lazy(() => whenIdle().then(() => import('./registered')));

/** Registers the service worker once idle and shows the update prompt when one is waiting. */
export function PwaUpdates() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return null;
  return (
    <Suspense fallback={null}>
      <Prompt />
    </Suspense>
  );
}
