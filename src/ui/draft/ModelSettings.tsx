/**
 * The drafting model's settings (issue 15, part 4): the address of an OpenAI-compatible chat API,
 * the model's name and an optional key, kept in this browser only (its local storage); "Test
 * connection"; the key shown masked and forgotten on request; and "Draft with the model", which
 * drafts the shown source's uncited parts with the model and hands the draft to the same review
 * as the offline drafter's. After a model's draft, what it dropped (units that are not passages of
 * the text) and repaired is listed in a small panel. Loaded on first use (ModelSettingsMenu.tsx).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Modal } from '../Modal';
import { useT } from '../i18n';
import { showText } from '../i18nMessages';
import type { Message } from '../../model/messages';
import { modelDraft, testConnection, type ModelSettings } from '../../draft/modelDraft';
import { useMapStore } from '../../store/mapStore';
import { uncitedRanges } from './proposals';
import { shownSourceId } from './draftStore';
import { useModelUi } from './ModelSettingsMenu';
import './ModelSettings.css';

/** Where the settings are kept: this browser's local storage, under this name. */
export const MODEL_SETTINGS_KEY = 'argmap.draftingModel';

const EMPTY: ModelSettings = { endpoint: '', model: '', key: '' };

/** The stored settings (empty when none, or when storage is not available). */
export function loadModelSettings(): ModelSettings {
  try {
    const stored = JSON.parse(localStorage.getItem(MODEL_SETTINGS_KEY) ?? 'null') as unknown;
    if (typeof stored !== 'object' || stored === null) return EMPTY;
    const { endpoint, model, key } = stored as Record<string, unknown>;
    return {
      endpoint: typeof endpoint === 'string' ? endpoint : '',
      model: typeof model === 'string' ? model : '',
      key: typeof key === 'string' ? key : '',
    };
  } catch {
    return EMPTY;
  }
}

function storeModelSettings(settings: ModelSettings): void {
  localStorage.setItem(
    MODEL_SETTINGS_KEY,
    JSON.stringify({
      endpoint: settings.endpoint.trim(),
      model: settings.model.trim(),
      key: settings.key?.trim() ?? '',
    }),
  );
}

type Status = { kind: 'busy' | 'ok' | 'error'; text: string | Message } | null;

export function ModelSettingsDialog() {
  const t = useT();
  const setUi = useModelUi((s) => s.set);
  const hasSource = useMapStore((s) => !!s.map?.sources.length);
  const readOnly = useMapStore((s) => s.readOnly);
  const [settings, setSettings] = useState(loadModelSettings);
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef<AbortController | null>(null);
  const keyInput = useRef<HTMLInputElement>(null);
  // Closing the dialog cancels a request under way.
  useEffect(() => () => running.current?.abort(), []);

  const close = () => setUi({ open: false });
  const change = (patch: Partial<ModelSettings>) => setSettings((s) => ({ ...s, ...patch }));
  const say = (kind: 'busy' | 'ok' | 'error', text: string | Message) => setStatus({ kind, text });

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    if (running.current) return;
    storeModelSettings(settings);
    say('ok', t('modelSaved'));
  };

  const forgetKey = () => {
    if (running.current) return;
    const next = { ...settings, key: '' };
    setSettings(next);
    storeModelSettings(next);
    say('ok', t('modelKeyForgotten'));
    // The button turns disabled: the focus goes to the (now empty) key field.
    keyInput.current?.focus();
  };

  /** Runs one request at a time; the dialog's Cancel (or closing it) aborts it. */
  const run = async (waiting: string, request: (signal: AbortSignal) => Promise<void>) => {
    if (running.current) return;
    storeModelSettings(settings);
    const controller = new AbortController();
    running.current = controller;
    setBusy(true);
    say('busy', waiting);
    try {
      await request(controller.signal);
    } finally {
      if (running.current === controller) running.current = null;
      setBusy(false);
    }
  };

  const test = () =>
    run(t('modelTesting'), async (signal) => {
      const result = await testConnection(settings, { signal });
      say(result.ok && result.listed ? 'ok' : 'error', result.says);
    });

  const draft = () =>
    run(t('modelDrafting'), async (signal) => {
      const { map } = useMapStore.getState();
      const wanted = shownSourceId();
      const source = map?.sources.find((s) => s.id === wanted) ?? map?.sources[0];
      if (!map || !source) return say('error', t('modelNoSource'));
      const ranges = uncitedRanges(map, source);
      if (!ranges.length) return say('error', t('draftNothingUncited'));
      const whole =
        ranges.length === 1 && ranges[0]![0] === 0 && ranges[0]![1] === source.text.length;
      const result = await modelDraft(
        {
          sourceId: source.id,
          text: source.text,
          ...(source.language ? { language: source.language } : {}),
          ...(whole ? {} : { ranges }),
        },
        settings,
        { signal },
      );
      if (!result.ok) {
        say('error', result.says);
        if (result.report) setUi({ report: { units: 0, report: result.report } });
        return;
      }
      const { showDraft } = await import('../../app/draftActions');
      if (!(await showDraft(result.draft))) return say('error', t('modelNoSource'));
      setUi({ open: false, report: { units: result.draft.units.length, report: result.report } });
    });

  const key = settings.key ?? '';
  return (
    <Modal title={t('modelTitle')} onClose={close} testId="model-settings" className="modal small">
      <form className="model-settings" onSubmit={save}>
        <p>{t('modelIntro')}</p>
        <p className="model-privacy" data-testid="model-privacy">
          {t('modelDefaultNote')}
        </p>
        <label>
          {t('modelEndpoint')}
          <input
            data-testid="model-endpoint"
            type="url"
            value={settings.endpoint}
            placeholder={t('modelEndpointPlaceholder')}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => change({ endpoint: e.target.value })}
          />
        </label>
        <label>
          {t('modelName')}
          <input
            data-testid="model-name"
            value={settings.model}
            placeholder={t('modelNamePlaceholder')}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => change({ model: e.target.value })}
          />
        </label>
        <label>
          {t('modelKey')}
          <span className="row">
            <input
              ref={keyInput}
              data-testid="model-key"
              type="password"
              value={key}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => change({ key: e.target.value })}
            />
            <button
              type="button"
              data-testid="model-forget-key"
              disabled={!key}
              aria-disabled={busy}
              onClick={forgetKey}
            >
              {t('modelForgetKey')}
            </button>
          </span>
        </label>
        <p
          className="model-status"
          role="status"
          data-testid="model-status"
          data-kind={status?.kind}
        >
          {status ? showText(t, status.text) : ''}
        </p>
        <footer className="row">
          <button type="submit" data-testid="model-save" aria-disabled={busy}>
            {t('modelSave')}
          </button>
          <button type="button" data-testid="model-test" aria-disabled={busy} onClick={test}>
            {t('modelTest')}
          </button>
          <button
            type="button"
            className="primary"
            data-testid="model-draft"
            disabled={!hasSource || readOnly}
            aria-disabled={busy}
            title={hasSource ? t('modelDraftHint') : t('modelNoSource')}
            onClick={draft}
          >
            {t('modelDraftButton')}
          </button>
          {busy && (
            <button
              type="button"
              data-testid="model-cancel"
              onClick={() => running.current?.abort()}
            >
              {t('modelCancel')}
            </button>
          )}
        </footer>
      </form>
    </Modal>
  );
}

/** What the last model-made draft dropped and repaired, until dismissed. */
export function ModelDraftReportPanel() {
  const t = useT();
  const shown = useModelUi((s) => s.report);
  const set = useModelUi((s) => s.set);
  if (!shown) return null;
  const { dropped, repaired } = shown.report;
  return (
    <section
      className="model-report"
      role="region"
      aria-label={t('modelReportTitle')}
      data-testid="model-report"
    >
      <header className="row">
        <h2>{t('modelReportTitle')}</h2>
        <button
          data-testid="model-report-close"
          aria-label={t('close')}
          onClick={() => set({ report: null })}
        >
          ✕
        </button>
      </header>
      <p>
        {t('modelReportSummary')
          .replace('{0}', String(shown.units))
          .replace('{1}', String(dropped.length))
          .replace('{2}', String(repaired.length))}
      </p>
      {dropped.length > 0 && (
        <>
          <h3>{t('modelReportDropped')}</h3>
          <ul data-testid="model-dropped">
            {dropped.map((d, i) => (
              <li key={i}>{showText(t, d.says)}</li>
            ))}
          </ul>
        </>
      )}
      {repaired.length > 0 && (
        <>
          <h3>{t('modelReportRepaired')}</h3>
          <ul data-testid="model-repaired">
            {repaired.map((r, i) => (
              <li key={i}>{showText(t, r.says)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
