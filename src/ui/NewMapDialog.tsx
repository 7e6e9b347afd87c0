/**
 * A new map from a text: paste it or open a .txt/.md file, pick its language (guessed from the
 * script), see it cleaned and split into sentences, and start mapping.
 */
import { useMemo, useState } from 'react';
import { Modal } from './Modal';
import { showText } from './i18nMessages';
import { problemMessage } from '../model/problem';
import { guessLanguage, importText } from '../io/importText';
import { addMapToLibrary } from '../app/session';
import { useUiStore } from '../store/uiStore';
import { useT } from './i18n';

const LANGUAGES = [
  ['en', 'English'],
  ['zh-Hans', '简体中文'],
  ['zh-Hant', '繁體中文'],
  ['ja', '日本語'],
  ['ko', '한국어'],
  ['de', 'Deutsch'],
  ['fr', 'Français'],
  ['es', 'Español'],
  ['ru', 'Русский'],
] as const;

export function NewMapDialog() {
  const t = useT();
  const set = useUiStore((s) => s.set);
  const [raw, setRaw] = useState('');
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const effectiveLanguage = language ?? (raw.trim() ? guessLanguage(raw) : 'en');
  const result = useMemo(
    () =>
      raw.trim()
        ? importText(raw, {
            language: effectiveLanguage,
            ...(title.trim() ? { title: title.trim() } : {}),
          })
        : null,
    [raw, effectiveLanguage, title],
  );
  const close = () => set({ newMapOpen: false });

  return (
    <Modal title={t('newMap')} onClose={close} testId="new-map-dialog">
      <div className="new-map-grid">
        <div className="col">
          <label>
            {t('pasteText')}
            <textarea
              data-testid="new-map-text"
              autoFocus
              value={raw}
              onChange={(e) => setRaw(e.target.value)}
              rows={14}
            />
          </label>
          <label className="file">
            {t('openFile')}
            <input
              type="file"
              accept=".txt,.md,text/plain,text/markdown"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                if (file.size > 5_000_000)
                  return setError(`${file.name}: the file is larger than 5 MB.`);
                const text = await file.text();
                if (text.includes('\u0000'))
                  return setError(`${file.name}: this is not a text file.`);
                setError(null);
                setRaw(text);
                if (!title) setTitle(file.name.replace(/\.(txt|md)$/i, ''));
              }}
            />
          </label>
          <label>
            {t('title')}
            <input
              data-testid="new-map-title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          </label>
          <label>
            {t('language')}
            <select
              data-testid="new-map-language"
              value={effectiveLanguage}
              onChange={(e) => setLanguage(e.target.value)}
            >
              {LANGUAGES.map(([tag, name]) => (
                <option key={tag} value={tag}>
                  {name}
                </option>
              ))}
              {!LANGUAGES.some(([tag]) => tag === effectiveLanguage) && (
                <option value={effectiveLanguage}>{effectiveLanguage}</option>
              )}
            </select>
          </label>
        </div>
        <div className="col preview" aria-label={t('preview')}>
          <h3>
            {t('preview')} {result?.ok ? `(${result.map.sources[0]!.sentences.length})` : ''}
          </h3>
          {result?.ok ? (
            <ol data-testid="new-map-preview">
              {result.map.sources[0]!.sentences.slice(0, 200).map((s) => (
                <li key={s.id}>{result.map.sources[0]!.text.slice(s.start, s.end)}</li>
              ))}
            </ol>
          ) : (
            <p className="muted">
              {result && !result.ok && result.problems[0]
                ? showText(t, problemMessage(result.problems[0]))
                : t('emptyText')}
            </p>
          )}
        </div>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <footer className="row">
        <button
          className="primary"
          data-testid="create-map"
          disabled={!result?.ok}
          onClick={async () => {
            if (!result?.ok) return;
            await addMapToLibrary(result.map);
            close();
          }}
        >
          {t('create')}
        </button>
        <button onClick={close}>{t('cancel')}</button>
      </footer>
    </Modal>
  );
}
