/** What the last import did, file by file: maps added, notes, and problems with their paths. */
import { useUiStore } from '../store/uiStore';
import { useT } from './i18n';

export function ImportReport() {
  const t = useT();
  const report = useUiStore((s) => s.importReport);
  const set = useUiStore((s) => s.set);
  if (!report) return null;
  const failed = report.messages.some((m) => !m.ok);
  return (
    <div
      className={`banner ${failed ? 'error' : 'info'}`}
      role={failed ? 'alert' : 'status'}
      data-testid="import-report"
    >
      <button
        className="banner-close"
        onClick={() => set({ importReport: null })}
        aria-label={t('close')}
      >
        ✕
      </button>
      {report.messages.map((m) => (
        <div key={m.file}>
          <strong>
            {m.ok ? '✓' : '✗'} {m.file}
          </strong>
          <ul>
            {m.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </div>
      ))}
      {failed && <p className="muted">{t('importUnchanged')}</p>}
    </div>
  );
}
