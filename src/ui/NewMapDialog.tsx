/**
 * A new map from a text: paste it, or open (or drop on the editor) a file of any format the
 * importer registry reads — plain text, Markdown, and PDF, web pages and Word where their readers
 * are wired. Pick its language (guessed from the script), see it cleaned before the map is made:
 * pasted text sentence by sentence; a file as its paragraphs, with its headings and a "p. 98"
 * mark where each printed page begins. A document's headings are offered as groups. An AIF file
 * picked (or dropped) with its analysed text (`nodeset542.json` + `nodeset542.txt`) is previewed
 * as its text, with how many statements were found in it and which were not (⚠).
 *
 * The same dialog is File → Add a source… (`add` mode): what it previews becomes one more source
 * of the open map (one undoable edit), titled as typed, and opens in its tab.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ArgMap } from '../model/schema';
import { say, type Message } from '../model/messages';
import { Modal } from './Modal';
import { showText } from './i18nMessages';
import { problemMessage, problemMessages } from '../model/problem';
import { guessLanguage, importText, withOfferedGroups, withSourceAdded } from '../io/importText';
import { acceptList } from '../io/importFormats';
import type { ImportedFile } from '../io/registry';
import { DocumentPreview } from './DocumentPreview';
import { addMapToLibrary } from '../app/session';
import {
  addSourceAction,
  importedFromFile,
  pickOf,
  sidecarOf,
  useNewMapFile,
  withFileTitle,
} from '../app/importFiles';
import { useMapStore } from '../store/mapStore';
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
  const files = useNewMapFile((s) => s.files);
  const adding = useNewMapFile((s) => s.mode === 'add');
  const canEditMap = useMapStore((s) => s.map !== null && !s.readOnly);
  // One file, or AIF with its text; two files of any other kind are refused (with their names).
  const pick = useMemo(() => pickOf(files), [files]);
  const file = pick?.ok ? pick.file : null;
  const sidecar = pick?.ok ? (pick.sidecar ?? null) : null;
  const [raw, setRaw] = useState('');
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<string | null>(null);
  const [read, setRead] = useState<{ file: File; result: ImportedFile } | null>(null);
  const [takeGroups, setTakeGroups] = useState(true);
  // Closed by any means (Esc from anywhere too), the dialog leaves no file and no mode behind.
  useEffect(() => () => useNewMapFile.setState({ files: [], mode: 'new' }), []);
  // Drafting (issue 15): the new map opens with a draft of its text under review.
  const [draftIt, setDraftIt] = useState(false);
  // pdf.js and the importers load while a file is chosen, not after.
  useEffect(() => warmDocumentReaders(), []);
  // A file is read (in the I/O worker when large) again when its language is chosen.
  useEffect(() => {
    if (!file) return;
    let live = true;
    setRead(null);
    const beside = sidecarOf({ file, ...(sidecar ? { sidecar } : {}) });
    void importedFromFile(file, beside, language ? { language } : undefined).then(
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
  }, [file, sidecar, language]);
  const fileResult = file && read?.file === file ? read.result : null;
  const fileMap = fileResult?.kind === 'map' ? fileResult : null;
  /** What the file gives to add as a source: its first source, if it has any text. */
  const fileSource = fileMap?.map.sources[0]?.text ? fileMap.map.sources[0] : null;

  const effectiveLanguage =
    language ??
    (fileMap ? fileMap.map.sources[0]!.language : raw.trim() ? guessLanguage(raw) : 'en');
  const pasted = useMemo(
    () =>
      !pick && raw.trim()
        ? importText(raw, {
            language: effectiveLanguage,
            ...(title.trim() ? { title: title.trim() } : {}),
          })
        : null,
    [pick, raw, effectiveLanguage, title],
  );
  const close = () => {
    useNewMapFile.setState({ files: [], mode: 'new' });
    set({ newMapOpen: false });
  };
  // Headings are offered as groups of a new map (not of a map that has its own groups already).
  const groups = adding ? [] : (fileMap?.offeredGroups ?? []);
  const canCreate = adding
    ? canEditMap && (pick ? fileSource !== null : pasted?.ok === true)
    : pick
      ? fileMap !== null
      : pasted?.ok === true;

  const create = async () => {
    if (adding) {
      const source = file ? fileSource : pasted?.ok ? pasted.map.sources[0] : null;
      if (!source) return;
      // Pasted text was titled as it was segmented; a file's source takes the title typed.
      const named = file && title.trim() ? { ...source, title: title.trim() } : source;
      if (!addSourceAction(named, withSourceAdded)) return;
    } else if (fileMap) {
      const map = withOfferedGroups(
        withFileTitle(fileMap.map, file!.name),
        takeGroups ? groups : [],
      );
      await addMapToLibrary(title.trim() ? { ...map, title: title.trim() } : map);
    } else if (pasted?.ok) {
      await addMapToLibrary(pasted.map);
    } else return;
    if (draftIt && !adding) void import('../app/draftActions').then((m) => m.draftSource());
    close();
  };

  return (
    <Modal
      title={adding ? t('addSourceTitle') : file ? t('newMapFromFileTitle') : t('newMap')}
      onClose={close}
      testId="new-map-dialog"
    >
      <div className="new-map-grid">
        <div className="col">
          {pick ? (
            <p data-testid="new-map-file">
              {file &&
                (sidecar
                  ? t('previewFiles').replace('{0}', file.name).replace('{1}', sidecar.name)
                  : t('previewFile').replace('{0}', file.name))}{' '}
              <button
                className="small"
                data-testid="new-map-paste-instead"
                onClick={() => {
                  useNewMapFile.setState({ files: [] });
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
              // A new map: one file, or an AIF file with its text; a source: one file.
              multiple={!adding}
              onChange={(e) => {
                const picked = [...(e.target.files ?? [])];
                e.target.value = '';
                if (!picked.length) return;
                setLanguage(null);
                useNewMapFile.setState({ files: picked });
              }}
            />
          </label>
          <label>
            {t('title')}
            <input
              data-testid="new-map-title"
              value={title}
              placeholder={
                (adding
                  ? fileSource?.title
                  : fileMap && file && withFileTitle(fileMap.map, file.name).title) ?? ''
              }
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
          {pick && !pick.ok ? (
            <div role="alert" className="error" data-testid="new-map-refused">
              <p>{t('pickOneOrPair')}</p>
              <p>{pick.names.join(', ')}</p>
            </div>
          ) : file ? (
            <>
              <h3>
                {t('preview')} {fileMap ? `(${fileMap.map.sources[0]!.sentences.length})` : ''}
              </h3>
              {fileMap && !adding && fileMap.format === 'aif' && (
                <AifAnchoring map={fileMap.map} notes={fileMap.notes} />
              )}
              {adding && fileMap && !fileSource ? (
                <div role="alert" className="error" data-testid="new-map-refused">
                  <p>{showText(t, say('regNoSource'))}</p>
                </div>
              ) : fileMap ? (
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
              ) : fileResult?.kind === 'backup' ? (
                <div role="alert" className="error" data-testid="new-map-refused">
                  <p>{showText(t, say('regNoSource'))}</p>
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
        {!adding && (
          <label className="checkbox">
            <input
              type="checkbox"
              data-testid="new-map-draft"
              checked={draftIt}
              onChange={(e) => setDraftIt(e.target.checked)}
            />
            {t('draftNewMap')}
          </label>
        )}
        <button
          className="primary"
          data-testid="create-map"
          disabled={!canCreate}
          onClick={() => void create()}
        >
          {adding ? t('addToMap') : t('create')}
        </button>
        <button onClick={close}>{t('cancel')}</button>
      </footer>
    </Modal>
  );
}

/**
 * What an AIF file with its text gives: how many statements were found in the text, and which
 * were not (⚠; they come in implicit, tagged for repair); or that there was no text to find
 * them in.
 */
function AifAnchoring({ map, notes }: { map: ArgMap; notes: readonly Message[] }) {
  const t = useT();
  if (notes.some((n) => n.key === 'aifNoText'))
    return (
      <p className="muted" data-testid="aif-anchoring">
        {showText(t, say('aifNoText'))}
      </p>
    );
  const statements = map.nodes.filter((n) => n.kind !== 'inference' && n.text);
  const missing = statements.filter((n) => !n.refs.length);
  return (
    <div data-testid="aif-anchoring">
      <p>
        {t('aifAnchoredCount')
          .replace('{0}', String(statements.length - missing.length))
          .replace('{1}', String(statements.length))}
      </p>
      {missing.length > 0 && (
        <>
          <p>{t('aifNotAnchored').replace('{0}', String(missing.length))}</p>
          <ul className="aif-unanchored" data-testid="aif-unanchored">
            {missing.map((n) => (
              <li key={n.id}>
                <span aria-hidden="true">⚠ </span>
                {n.text}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
