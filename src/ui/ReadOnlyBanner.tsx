/**
 * Shown above the canvas while a map opened by address (`?open=<url>`) is on screen: the map is
 * a read-only view, not stored; one button copies it into the library (IndexedDB) and opens the
 * copy for editing, and drops `?open=` from the address so a reload opens the copy.
 */
import { useState } from 'react';
import { addMapToLibrary } from '../app/session';
import type { ArgMap } from '../model/schema';
import { useUiStore } from '../store/uiStore';

const TEXT = {
  en: { view: 'Read-only view of', copy: 'Copy into my library', copying: 'Copying…' },
  zh: { view: '只读查看：', copy: '复制到我的图库', copying: '正在复制…' },
};

export function ReadOnlyBanner({
  url,
  map,
  onCopied,
}: {
  url: string;
  map: ArgMap;
  /** Called with the stored copy's id, e.g. to leave read-only mode. */
  onCopied?: (id: string) => void;
}) {
  const t = TEXT[useUiStore((s) => s.language)];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Only http(s) addresses become links (never `javascript:`); relative ones resolve here.
  let href: string | undefined;
  try {
    const resolved = new URL(url, location.href);
    if (resolved.protocol === 'https:' || resolved.protocol === 'http:') href = resolved.href;
  } catch {
    href = undefined;
  }
  const copy = async () => {
    setBusy(true);
    setError(null);
    try {
      const id = await addMapToLibrary(map);
      const address = new URL(location.href);
      address.searchParams.delete('open');
      history.replaceState(null, '', address);
      onCopied?.(id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="banner info" role="status" data-testid="read-only-banner">
      {t.view}{' '}
      <a href={href} target="_blank" rel="noreferrer noopener">
        {url}
      </a>{' '}
      —{' '}
      <button data-testid="copy-to-library" disabled={busy} onClick={() => void copy()}>
        {busy ? t.copying : t.copy}
      </button>
      {error && <span className="error"> {error}</span>}
    </div>
  );
}
