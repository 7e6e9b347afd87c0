/** On a node of the canvas: a ring in each colour of the others who have it selected, with names. */
import { useShallow } from 'zustand/react/shallow';
import { useSharing } from '../../store/sharingStore';
import './sharing.css';

export function PeerRing({ nodeId }: { nodeId: string }) {
  const peers = useSharing(
    useShallow((s) => s.peers.filter((p) => p.selectedNodeIds.includes(nodeId))),
  );
  if (!peers.length) return null;
  const first = peers[0]!;
  return (
    <div
      className="peer-ring"
      data-testid="peer-ring"
      style={{
        borderColor: first.color,
        boxShadow:
          peers
            .slice(1)
            .map((p, i) => `0 0 0 ${(i + 1) * 3}px ${p.color}`)
            .join(', ') || undefined,
      }}
    >
      <span className="peer-ring-names">
        {peers.map((p) => (
          <span key={p.clientId} className="peer-name" style={{ background: p.color }}>
            {p.name}
          </span>
        ))}
      </span>
    </div>
  );
}
