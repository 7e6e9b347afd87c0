/**
 * The dialog choosing the reference map: another map of the library, or a file (read, not
 * stored). Says so when the library has no other map, and shows why a file could not be used.
 */
import { useRef } from 'react';
import { useSession } from '../../app/session';
import { useCompareStore } from '../../store/compareStore';
import { useT, isMessageKey } from '../i18n';
import { Modal } from '../Modal';
import { chooseFileReference, chooseStoredReference } from './chooseReference';

export function CompareChooser({ openId }: { openId: string }) {
  const t = useT();
  const library = useSession((s) => s.library);
  const loading = useCompareStore((s) => s.loading);
  const problem = useCompareStore((s) => s.problem);
  const input = useRef<HTMLInputElement>(null);
  const others = library.filter((m) => m.id !== openId);
  const close = () => useCompareStore.setState({ choosing: false, problem: null });
  return (
    <Modal
      title={t('compareChoose')}
      onClose={close}
      testId="compare-chooser"
      className="modal small compare-chooser"
    >
      <p className="muted">{t('compareChooseHint')}</p>
      {others.length ? (
        <ul className="library-list compare-library">
          {others.map((m) => (
            <li key={m.id}>
              <button
                className="library-open"
                data-map-id={m.id}
                disabled={loading}
                onClick={() => void chooseStoredReference(m.id, m.title)}
              >
                <strong>{m.title}</strong>
                <span className="muted">
                  {m.nodeCount} {t('nodes')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="compare-empty" data-testid="compare-no-other">
          {t('compareNoOther')}
        </p>
      )}
      <button
        data-testid="compare-from-file"
        disabled={loading}
        onClick={() => input.current?.click()}
      >
        {t('compareFromFile')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        data-testid="compare-file-input"
        accept=".json,.argdown,.ad,.txt,.md"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void chooseFileReference(file);
        }}
      />
      {loading && <p role="status">{t('loading')}</p>}
      {problem && (
        <div className="banner error" role="alert" data-testid="compare-problem">
          <p>{isMessageKey(problem.key) ? t(problem.key) : problem.key}</p>
          {problem.detail && <pre className="compare-detail">{problem.detail}</pre>}
        </div>
      )}
    </Modal>
  );
}
