/**
 * Registers the service worker (`registerType: 'prompt'`, see vite.config.ts) and, when a new
 * version of the editor has been downloaded and waits, says so: "A new version is ready —
 * Reload". Nothing is replaced while the person works; the new version takes over only when they
 * press Reload (pending edits are flushed on `pagehide`, as on any reload), or on their next
 * visit once every tab of the editor is closed. "Later" hides the prompt for this tab.
 */
import { useEffect } from 'react';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import { useUiStore, type UiLanguage } from '../../store/uiStore';
import { useUpdates } from './updateState';

const en = {
  ready: 'A new version is ready —',
  reload: 'Reload',
  later: 'Later',
};
const TEXT: Record<UiLanguage, typeof en> = {
  en,
  zh: {
    ready: '新版本已就绪 —',
    reload: '重新加载',
    later: '稍后',
  },
};

/** How often an open editor asks the server whether a new version has been published. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/** vite-plugin-pwa's `registerSW` (src/app/pwa/registered.tsx passes it; tests a stand-in). */
export type RegisterSW = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

let registered = false;

/** Registers the worker once per page (React's strict mode mounts effects twice). */
function register(registerSW: RegisterSW): void {
  if (registered) return;
  registered = true;
  const update = registerSW({
    onNeedRefresh: () => useUpdates.setState({ waiting: true }),
    onRegisteredSW: (_url, registration) => {
      if (registration) setInterval(() => void registration.update(), CHECK_EVERY_MS);
    },
    // The editor works without it (online); the console says why for whoever hosts the site.
    onRegisterError: (error) => console.warn('The service worker was not registered:', error),
  });
  useUpdates.setState({ apply: () => void update(true) });
}

export function UpdatePrompt({ registerSW }: { registerSW: RegisterSW }) {
  const t = TEXT[useUiStore((s) => s.language)];
  const state = useUpdates();
  useEffect(() => register(registerSW), [registerSW]);
  if (!state.waiting || state.dismissed) return null;
  return (
    <div className="banner info" role="status" data-testid="update-ready">
      <span>{t.ready}</span>
      <span className="banner-actions">
        <button type="button" className="primary" onClick={() => state.apply?.()}>
          {t.reload}
        </button>
        <button type="button" onClick={() => useUpdates.setState({ dismissed: true })}>
          {t.later}
        </button>
      </span>
    </div>
  );
}
