/**
 * A new map from a text: paste it, or open (or drop on the editor) a file of any format the
 * importer registry reads — plain text, Markdown, and PDF, web pages and Word where their readers
 * are wired. Pick its language (guessed from the script), see it cleaned before the map is made:
 * pasted text sentence by sentence; a file as its paragraphs, with its headings and a "p. 98"
 * mark where each printed page begins. A document's headings are offered as groups.
 */
import { useEffect, useMemo, useState } from 'react';
import { Modal } from './Modal';
import { showText } from './i18nMessages';
import { problemMessage, problemMessages } from '../model/problem';
import { guessLanguage, importText, withOfferedGroups } from '../io/importText';
import { acceptList } from '../io/importFormats';
import type { ImportedFile } from '../io/registry';
import { DocumentPreview } from './DocumentPreview';
import { addMapToLibrary } from '../app/session';
import { importedFromFile, useNewMapFile } from '../app/importFiles';
import { warmDocumentReaders } from '../app/ioClient';
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
  const file = useNewMapFile((s) => s.file);
  const [raw, setRaw] = useState('');
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<string | null>(null);
  const [read, setRead] = useState<{ file: File; result: ImportedFile } | null>(null);
  const [takeGroups, setTakeGroups] = useState(true);
  // pdf.js and the importers load while a file is chosen, not after.
  useEffect(() => warmDocumentReaders(), []);
  // A file is read (in the I/O worker when large) again when its language is chosen.
  useEffect(() => {
    if (!file) return;
    let live = true;
    setRead(null);
    void importedFromFile(file, undefined, language ? { language } : undefined).then(
      (result) => live && setRead({ file, result }),
      (error: unknown) =>
        live &&
        setRead({
          file,
          result: {
            kind: 'refused',
            problems: [
              { path: '', message: error instanceof Error ? error.message : String(error) },
            ],
          },
        }),
    );
    return () => {
      live = false;
    };
  }, [file, language]);
  const fileResult = file && read?.file === file ? read.result : null;
  const fileMap = fileResult?.kind === 'map' ? fileResult : null;

  const effectiveLanguage =
    language ??
    (fileMap ? fileMap.map.sources[0]!.language : raw.trim() ? guessLanguage(raw) : 'en');
  const pasted = useMemo(
    () =>
      !file && raw.trim()
        ? importText(raw, {
            language: effectiveLanguage,
            ...(title.trim() ? { title: title.trim() } : {}),
          })
        : null,
    [file, raw, effectiveLanguage, title],
  );
  const close = () => {
    useNewMapFile.setState({ file: null });
    set({ newMapOpen: false });
  };
  const groups = fileMap?.offeredGroups ?? [];
  const canCreate = file ? fileMap !== null : pasted?.ok === true;

  const create = async () => {
    if (fileMap) {
      const map = withOfferedGroups(fileMap.map, takeGroups ? groups : []);
      await addMapToLibrary(title.trim() ? { ...map, title: title.trim() } : map);
    } else if (pasted?.ok) {
      await addMapToLibrary(pasted.map);
    } else return;
    close();
  };

  return (
    <Modal
      title={file ? t('newMapFromFileTitle') : t('newMap')}
      onClose={close}
      testId="new-map-dialog"
    >
      <div className="new-map-grid">
        <div className="col">
          {file ? (
            <p data-testid="new-map-file">
              {t('previewFile').replace('{0}', file.name)}{' '}
              <button
                className="small"
                data-testid="new-map-paste-instead"
                onClick={() => {
                  useNewMapFile.setState({ file: null });
                  setLanguage(null);
                }}
              >
                {t('pasteInstead')}
              </button>
            </p>
          ) : (
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
          )}
          <label className="file">
            {t('openFile')}
            <input
              type="file"
              data-testid="new-map-file-input"
              accept={acceptList('sources')}
              onChange={(e) => {
                const picked = e.target.files?.[0];
                e.target.value = '';
                if (!picked) return;
                setLanguage(null);
                useNewMapFile.setState({ file: picked });
              }}
            />
          </label>
          <label>
            {t('title')}
            <input
              data-testid="new-map-title"
              value={title}
              placeholder={fileMap?.map.title ?? ''}
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
          {groups.length > 0 && (
            <label className="checkbox">
              <input
                type="checkbox"
                data-testid="new-map-take-groups"
                checked={takeGroups}
                onChange={(e) => setTakeGroups(e.target.checked)}
              />
              {t('takeHeadingsAsGroups').replace('{0}', String(groups.length))}
            </label>
          )}
        </div>
        <div className="col preview" aria-label={t('preview')}>
          {file ? (
            <>
              <h3>
                {t('preview')} {fileMap ? `(${fileMap.map.sources[0]!.sentences.length})` : ''}
              </h3>
              {fileMap ? (
                <DocumentPreview
                  source={fileMap.map.sources[0]!}
                  headings={fileMap.headings ?? []}
                />
              ) : fileResult?.kind === 'refused' ? (
                <div role="alert" className="error" data-testid="new-map-refused">
                  {problemMessages(fileResult.problems).map((line, i) => (
                    <p key={i}>{showText(t, line)}</p>
                  ))}
                </div>
              ) : fileResult ? null : (
                <p className="muted" role="status">
                  {t('readingFile').replace('{0}', file.name)}
                </p>
              )}
            </>
          ) : (
            <>
              <h3>
                {t('preview')} {pasted?.ok ? `(${pasted.map.sources[0]!.sentences.length})` : ''}
              </h3>
              {pasted?.ok ? (
                <ol data-testid="new-map-preview">
                  {pasted.map.sources[0]!.sentences.slice(0, 200).map((s) => (
                    <li key={s.id}>{pasted.map.sources[0]!.text.slice(s.start, s.end)}</li>
                  ))}
                </ol>
              ) : (
                <p className="muted">
                  {pasted && !pasted.ok && pasted.problems[0]
                    ? showText(t, problemMessage(pasted.problems[0]))
                    : t('emptyText')}
                </p>
              )}
            </>
          )}
        </div>
      </div>
      <footer className="row">
        <button
          className="primary"
          data-testid="create-map"
          disabled={!canCreate}
          onClick={() => void create()}
        >
          {t('create')}
        </button>
        <button onClick={close}>{t('cancel')}</button>
      </footer>
    </Modal>
  );
}
