/**
 * What the last import did, file by file: maps added, notes, and for a refused file its problems
 * (the first 20, each with its JSON path or line, then how many more).
 */
import { useRef } from 'react';
import { useUiStore, type ImportOutcome } from '../store/uiStore';
import { useT, type Translator } from './i18n';
import { showPlace, showText } from './i18nMessages';
import type { Message } from '../model/messages';
import { useDialogFocus } from './useDialogFocus';

export function ImportReport() {
  const report = useUiStore((s) => s.importReport);
  return report ? <ReportDialog report={report} /> : null;
}

/**
 * The report as a dialog: it takes the focus when it opens (an alert dialog when a file was
 * refused), keeps it until closed (✕ or Esc), then gives it back.
 */
function ReportDialog({ report }: { report: ImportOutcome }) {
  const t = useT();
  const set = useUiStore((s) => s.set);
  const dialog = useRef<HTMLDivElement>(null);
  useDialogFocus(dialog);
  const failed = report.messages.some((m) => !m.ok);
  const close = () => set({ importReport: null });
  return (
    <div
      ref={dialog}
      className={`banner ${failed ? 'error' : 'info'}`}
      role={failed ? 'alertdialog' : 'dialog'}
      aria-label={t('importReport')}
      data-testid="import-report"
      // A report of many refused files scrolls instead of pushing the map off the screen.
      style={{ maxHeight: '40vh', overflowY: 'auto' }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        close();
      }}
    >
      <button className="banner-close" onClick={close} aria-label={t('close')}>
        ✕
      </button>
      {report.messages.map((m, i) => (
        <div key={i} data-testid="import-file" data-file={m.file} data-ok={m.ok}>
          <strong>
            {m.ok ? '✓' : '✗'} {m.file}
          </strong>
          <ul>
            {m.lines.map((line, j) => (
              <li key={j}>
                <ReportLine t={t} line={line} />
              </li>
            ))}
          </ul>
        </div>
      ))}
      {failed && <p className="muted">{t('importUnchanged')}</p>}
    </div>
  );
}

/**
 * A line of the report in the interface's language; a problem's path (`nodes[3].refs[0]`) or
 * place (`line 4, column 5`) set in code type, so it stands out from the message.
 */
function ReportLine({ t, line }: { t: Translator; line: Message }) {
  const [inner] = line.args;
  if (line.key === 'indented' && inner !== undefined && typeof inner !== 'string')
    return (
      <span style={{ paddingLeft: '1.5em', display: 'inline-block' }}>
        <ReportLine t={t} line={inner} />
      </span>
    );
  const [place, message] = line.args;
  if (line.key !== 'problemAt' || typeof place !== 'string' || message === undefined)
    return <>{showText(t, line)}</>;
  const [before, after] = t('problemAt').split('{0}');
  return (
    <>
      {before}
      <code>{showPlace(t, place)}</code>
      {(after ?? '').replace('{1}', showText(t, message))}
    </>
  );
}
