/**
 * Shown while the open map's latest edits could not be stored (storage full, IndexedDB gone):
 * the editor keeps working in memory, and the banner offers to download the map or a backup of
 * all maps (which includes the open map as it is on screen) and to try saving again. Every edit
 * also retries on its own.
 */
import { useState } from 'react';
import { exportAs } from '../app/exportActions';
import { useSaveStatus } from '../app/saveStatus';
import { retrySaving, useSession } from '../app/session';
import { useUiStore } from '../store/uiStore';

const TEXT = {
  en: {
    keepWorking: 'The editor keeps working; your edits are kept in this tab.',
    map: 'Download this map',
    backup: 'Back up all maps',
    retry: 'Try saving again',
    retrying: 'Trying…',
  },
  zh: {
    keepWorking: '编辑器仍可使用；您的修改保留在此标签页中。',
    map: '下载此图',
    backup: '备份所有图',
    retry: '重试保存',
    retrying: '正在重试…',
  },
};

export function SaveFailedBanner() {
  const t = TEXT[useUiStore((s) => s.language)];
  const save = useSaveStatus();
  const inMemory = useSession((s) => s.inMemory);
  const [busy, setBusy] = useState(false);
  if (save.state !== 'failed' || inMemory) return null;
  return (
    <div className="banner error" role="alert" data-testid="save-failed">
      <span>
        {save.message} {t.keepWorking}
      </span>
      <span className="banner-actions">
        <button type="button" onClick={() => void exportAs('json')}>
          {t.map}
        </button>
        <button type="button" onClick={() => void exportAs('backup')}>
          {t.backup}
        </button>
        <button
          type="button"
          disabled={busy}
          data-testid="retry-save"
          onClick={async () => {
            setBusy(true);
            await retrySaving();
            setBusy(false);
          }}
        >
          {busy ? t.retrying : t.retry}
        </button>
      </span>
    </div>
  );
}
