/**
 * File → Share…: shares the open map through a sync server (its address remembered here), then,
 * for the owner, a link per role (editor, commenter, viewer) with its expiry and Copy; Revoke all
 * links (a new key, after a confirmation); Stop sharing; Save a copy. Everything goes through
 * `useSharing`'s actions; without them (no sync layer in this editor) it says sharing is
 * unavailable.
 */
import { useState } from 'react';
import { DEFAULT_LINK_SECONDS, mayShare, type Role } from '../../collab/protocol';
import { MessageError } from '../../model/messages';
import { useSharing } from '../../store/sharingStore';
import { Modal } from '../Modal';
import { showMessage, useT, type MessageKey, type Translator } from '../i18n';
import { showText } from '../i18nMessages';
import { isServerAddress, rememberedServer, rememberServer } from './shareServer';
import { roleKey, useShareDialog } from './shareDialogState';
import './sharing.css';

const LINK_ROLES = ['editor', 'commenter', 'viewer'] as const;

const EXPIRIES: { seconds: number; key: MessageKey }[] = [
  { seconds: 24 * 3600, key: 'shareExpiryDay' },
  { seconds: 7 * 24 * 3600, key: 'shareExpiryWeek' },
  { seconds: 30 * 24 * 3600, key: 'shareExpiryMonth' },
  { seconds: DEFAULT_LINK_SECONDS, key: 'shareExpiryTerm' },
];

/** An error from an action, in words. */
function failure(t: Translator, error: unknown): string {
  if (error instanceof MessageError) return showText(t, error.says);
  return error instanceof Error && error.message ? error.message : String(error);
}

export function ShareDialog() {
  const open = useShareDialog((s) => s.open);
  if (!open) return null;
  return <ShareDialogView onClose={() => useShareDialog.setState({ open: false })} />;
}

export function ShareDialogView({ onClose }: { onClose: () => void }) {
  const t = useT();
  const actions = useSharing((s) => s.actions);
  const shared = useSharing((s) => s.shared);
  const problem = useSharing((s) => s.problem);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = async (run: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await run();
      return true;
    } catch (caught) {
      setError(failure(t, caught));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={t('shareTitle')}
      onClose={onClose}
      testId="share-dialog"
      className="modal share-dialog"
    >
      {!actions ? (
        <p className="warning" role="status" data-testid="share-unavailable">
          {t('shareUnavailable')}
        </p>
      ) : !shared ? (
        <StartSharing busy={busy} onShare={(server) => act(() => actions.share(server))} />
      ) : (
        <>
          <p data-testid="share-state">
            {t('shareSharedAs').replace('{0}', t(roleKey(shared.role)))}{' '}
            <code className="share-server">{shared.server}</code>
          </p>
          {mayShare(shared.role) && (
            <Links
              busy={busy}
              act={act}
              onRevoke={() => act(() => actions.rotateKey())}
              makeLink={(role, seconds) => actions.makeLink(role, seconds)}
              onError={setError}
            />
          )}
          <div className="row share-actions">
            <button
              data-testid="share-save-copy"
              disabled={busy}
              onClick={() => act(() => actions.saveCopy())}
            >
              {t('shareSaveCopy')}
            </button>
            {mayShare(shared.role) && (
              <button
                data-testid="share-stop"
                className="danger"
                disabled={busy}
                onClick={() => act(() => actions.unshare())}
              >
                {t('shareStop')}
              </button>
            )}
          </div>
        </>
      )}
      {busy && (
        <p className="muted" role="status">
          {t('shareWorking')}
        </p>
      )}
      {(error || problem) && (
        <p className="error" role="alert" data-testid="share-problem">
          {t('shareProblem')} {problem ? showMessage(t, problem) : error}
        </p>
      )}
    </Modal>
  );
}

function StartSharing({ busy, onShare }: { busy: boolean; onShare: (server: string) => void }) {
  const t = useT();
  const [server, setServer] = useState(rememberedServer);
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      className="share-start"
      onSubmit={(e) => {
        e.preventDefault();
        const address = server.trim();
        if (!isServerAddress(address)) return setInvalid(true);
        setInvalid(false);
        rememberServer(address);
        onShare(address);
      }}
    >
      <p>{t('shareIntro')}</p>
      <label>
        {t('shareServer')}
        <input
          data-testid="share-server"
          value={server}
          autoFocus
          spellCheck={false}
          aria-invalid={invalid}
          onChange={(e) => setServer(e.target.value)}
        />
      </label>
      {invalid && (
        <p className="error" role="alert">
          {t('shareServerInvalid')}
        </p>
      )}
      <button type="submit" className="primary" data-testid="share-start" disabled={busy}>
        {t('shareButton')}
      </button>
    </form>
  );
}

function Links({
  busy,
  act,
  makeLink,
  onRevoke,
  onError,
}: {
  busy: boolean;
  act: (run: () => Promise<void>) => Promise<boolean>;
  makeLink: (role: Role, seconds: number) => Promise<string>;
  onRevoke: () => Promise<boolean>;
  onError: (message: string | null) => void;
}) {
  const t = useT();
  const [links, setLinks] = useState<Partial<Record<Role, string>>>({});
  const [expiry, setExpiry] = useState<Partial<Record<Role, number>>>({});
  const [copied, setCopied] = useState<Role | null>(null);
  const [confirming, setConfirming] = useState(false);
  return (
    <>
      <h3>{t('shareLinks')}</h3>
      <ul className="share-links">
        {LINK_ROLES.map((role) => {
          const link = links[role];
          const expiryId = `share-expiry-${role}`;
          return (
            <li key={role} data-testid={`share-link-${role}`}>
              <div className="row">
                <strong>{t(roleKey(role))}</strong>
                <label htmlFor={expiryId} className="muted">
                  {t('shareExpiry')}
                </label>
                <select
                  id={expiryId}
                  data-testid={`share-expiry-${role}`}
                  value={expiry[role] ?? DEFAULT_LINK_SECONDS}
                  onChange={(e) => setExpiry({ ...expiry, [role]: Number(e.target.value) })}
                >
                  {EXPIRIES.map((option) => (
                    <option key={option.seconds} value={option.seconds}>
                      {t(option.key)}
                    </option>
                  ))}
                </select>
                <button
                  data-testid={`share-make-${role}`}
                  disabled={busy}
                  onClick={() =>
                    act(async () => {
                      const made = await makeLink(role, expiry[role] ?? DEFAULT_LINK_SECONDS);
                      setLinks((all) => ({ ...all, [role]: made }));
                    })
                  }
                >
                  {link ? t('shareNewLink') : t('shareMakeLink')}
                </button>
              </div>
              {link && (
                <div className="row">
                  <input
                    readOnly
                    className="share-link"
                    data-testid={`share-url-${role}`}
                    value={link}
                    aria-label={`${t('shareLinkFor')} ${t(roleKey(role))}`}
                    onFocus={(e) => e.target.select()}
                  />
                  <button
                    data-testid={`share-copy-${role}`}
                    onClick={async () => {
                      try {
                        await navigator.clipboard.writeText(link);
                        setCopied(role);
                        onError(null);
                      } catch {
                        onError(t('shareCopyFailed'));
                      }
                    }}
                  >
                    {copied === role ? t('shareCopied') : t('shareCopy')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {confirming ? (
        <div className="share-confirm" role="group" aria-label={t('shareRevoke')}>
          <p className="warning">{t('shareRevokeConfirm')}</p>
          <div className="row">
            <button
              className="danger"
              data-testid="share-revoke-yes"
              autoFocus
              disabled={busy}
              onClick={async () => {
                setConfirming(false);
                if (!(await onRevoke())) return;
                setLinks({});
                setCopied(null);
              }}
            >
              {t('shareRevoke')}
            </button>
            <button data-testid="share-revoke-no" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="row">
          <button data-testid="share-revoke" disabled={busy} onClick={() => setConfirming(true)}>
            {t('shareRevoke')}
          </button>
        </div>
      )}
    </>
  );
}
