/** A small shape per kind, so kinds differ by shape as well as colour. */
import type { NodeKind } from '../../model/schema';

const paths: Record<NodeKind, string> = {
  conclusion: 'M6 1 L11 6 L6 11 L1 6 Z',
  claim: 'M1 1 H11 V11 H1 Z',
  evidence: 'M6 1 A5 5 0 1 1 5.99 1 Z',
  objection: 'M6 1 L11 11 H1 Z',
  rebuttal: 'M1 11 L6 1 L11 11 M3.5 7 H8.5',
  recommendation: 'M6 1 L7.5 4.5 L11 5 L8.5 7.5 L9 11 L6 9.2 L3 11 L3.5 7.5 L1 5 L4.5 4.5 Z',
  context: 'M1 3 H11 M1 6 H11 M1 9 H11',
  inference: 'M2 10 L6 2 L10 10',
};

export function KindIcon({ kind, color }: { kind: NodeKind; color: string }) {
  const outline = kind === 'context' || kind === 'rebuttal' || kind === 'inference';
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden className="kind-icon">
      <path
        d={paths[kind]}
        fill={outline ? 'none' : color}
        stroke={color}
        strokeWidth={outline ? 1.6 : 0.8}
      />
    </svg>
  );
}
