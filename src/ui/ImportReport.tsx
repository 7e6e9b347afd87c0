/**
 * What the last import did, file by file: maps added, notes, and for a refused file its problems
 * (the first 20, each with its JSON path or line, then how many more).
 */
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
      // A report of many refused files scrolls instead of pushing the map off the screen.
      style={{ maxHeight: '40vh', overflowY: 'auto' }}
    >
      <button
        className="banner-close"
        onClick={() => set({ importReport: null })}
        aria-label={t('close')}
      >
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
                <ProblemLine line={line} />
              </li>
            ))}
          </ul>
        </div>
      ))}
      {failed && <p className="muted">{t('importUnchanged')}</p>}
    </div>
  );
}

/** A JSON path (`nodes[3].refs[0]`) or a place (`line 4, column 5`) at the start of a line. */
const PLACE =
  /^((?:[A-Za-z_$][\w$]*|\[\d+\])(?:\.[A-Za-z_$][\w$]*|\[\d+\])*|line \d+(?:, column \d+)?): /;

/** A problem line with its path or place set in code type, so it stands out from the message. */
function ProblemLine({ line }: { line: string }) {
  const place = PLACE.exec(line);
  if (!place) return <>{line}</>;
  return (
    <>
      <code>{place[1]}</code>: {line.slice(place[0].length)}
    </>
  );
}
