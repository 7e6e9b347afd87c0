/**
 * In the toolbar, for a shared map only: who else is here (names and colours), and a chip with
 * this person's role and the link to the server (online, offline with the edits waiting,
 * connecting, refused). The chip opens the share dialog.
 */
import { useShallow } from 'zustand/react/shallow';
import { useSharing, type Connection } from '../../store/sharingStore';
import { useT, type MessageKey } from '../i18n';
import { openShareDialog, roleKey } from './shareDialogState';
import './sharing.css';

const CONNECTION: Record<Exclude<Connection, 'local'>, MessageKey> = {
  connecting: 'shareStateConnecting',
  online: 'shareStateOnline',
  offline: 'shareStateOffline',
  refused: 'shareStateRefused',
};

export function SharingStatus() {
  const t = useT();
  const { shared, connection, waiting } = useSharing(
    useShallow((s) => ({ shared: s.shared, connection: s.connection, waiting: s.waiting })),
  );
  if (!shared || connection === 'local') return null;
  const state = t(CONNECTION[connection]);
  const role = t(roleKey(shared.role));
  const waits = connection === 'offline' && waiting > 0;
  return (
    <>
      <Peers />
      <button
        className={`sharing-chip is-${connection}`}
        data-testid="sharing-status"
        data-connection={connection}
        title={t('shareTitle')}
        onClick={openShareDialog}
      >
        <span className="sharing-dot" aria-hidden />
        <span role="status">
          {role} · {state}
          {waits && (
            <span data-testid="sharing-waiting">
              {' '}
              · {t('shareWaiting').replace('{0}', String(waiting))}
            </span>
          )}
        </span>
      </button>
    </>
  );
}

/** The others here, as coloured initials with their names (the first few, then "+N"). */
export function Peers() {
  const t = useT();
  const peers = useSharing((s) => s.peers);
  if (!peers.length) return null;
  const shown = peers.slice(0, 5);
  const names = peers.map((p) => p.name || t('shareAnonymous')).join(', ');
  return (
    <ul
      className="peers"
      data-testid="peers"
      aria-label={`${t('sharePeers')}: ${names}`}
      title={names}
    >
      {shown.map((peer) => (
        <li
          key={peer.clientId}
          className="peer"
          data-testid="peer"
          style={{ background: peer.color }}
          title={`${peer.name || t('shareAnonymous')} · ${t(roleKey(peer.role))}`}
        >
          {(peer.name || '?').slice(0, 1).toUpperCase()}
        </li>
      ))}
      {peers.length > shown.length && <li className="peer more">+{peers.length - shown.length}</li>}
    </ul>
  );
}
