/**
 * Correcting a source's text (a typo, a broken extraction). On save, sentences and refs are
 * re-anchored by their quoted text; refs that can no longer be found are kept, flagged on their
 * node, and listed for repair.
 */
import { useState } from 'react';
import type { Source } from '../model/schema';
import { correctSourceText } from '../source/reanchor';
import { useMapStore } from '../store/mapStore';
import { useT } from './i18n';

export function SourceEditor({ source, onClose }: { source: Source; onClose: () => void }) {
  const t = useT();
  const [text, setText] = useState(source.text);
  const [message, setMessage] = useState<string | null>(null);
  const edit = useMapStore((s) => s.edit);
  const save = () => {
    let lost = 0;
    const ok = edit((map) => {
      const { map: next, report } = correctSourceText(map, source.id, text);
      lost = report.unanchored.length;
      return next;
    });
    if (!ok) return;
    if (lost) setMessage(`${lost} ${t('unanchoredList')}`);
    else onClose();
  };
  return (
    <article className="source-editor" data-source-id={source.id}>
      <h2>{source.title || t('untitledSource')}</h2>
      <textarea
        data-testid="source-text-editor"
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={24}
        lang={source.language}
      />
      {message && <p className="warning">{message}</p>}
      <div className="row">
        <button data-testid="save-source" onClick={save} disabled={text === source.text}>
          {t('saveSource')}
        </button>
        <button onClick={onClose}>{message ? t('close') : t('cancel')}</button>
      </div>
    </article>
  );
}
