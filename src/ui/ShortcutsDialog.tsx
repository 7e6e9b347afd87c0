/** The list of keyboard shortcuts, opened with "?". */
import { useUiStore } from '../store/uiStore';
import { useT } from './i18n';
import { SHORTCUTS } from './shortcuts';

export function ShortcutsDialog() {
  const t = useT();
  const set = useUiStore((s) => s.set);
  return (
    <div className="modal-backdrop" onClick={() => set({ shortcutsOpen: false })}>
      <div
        className="modal small"
        role="dialog"
        aria-modal="true"
        aria-label={t('shortcuts')}
        onClick={(e) => e.stopPropagation()}
      >
        <header>
          <h2>{t('shortcuts')}</h2>
          <button autoFocus onClick={() => set({ shortcutsOpen: false })} aria-label={t('close')}>
            ✕
          </button>
        </header>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <th>
                  <kbd>{s.keys}</kbd>
                </th>
                <td>{t.language === 'zh' ? s.zh : s.en}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
