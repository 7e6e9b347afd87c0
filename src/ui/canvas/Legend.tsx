/** The canvas legend: every node kind and edge relation, in the canvas's own styles. */
import { Panel } from '@xyflow/react';
import { NODE_KINDS, RELATIONS } from '../../model/schema';
import { kindStyles, relationStyles } from '../../io/kindStyles';
import { useT } from '../i18n';
import { KindIcon } from './KindIcon';

export function Legend() {
  const t = useT();
  return (
    <Panel position="top-right" className="legend" aria-label={t('legend')}>
      <details open>
        <summary>{t('legend')}</summary>
        <ul>
          {NODE_KINDS.map((kind) => (
            <li key={kind}>
              <span
                className="legend-swatch"
                style={{ background: kindStyles[kind].fill, borderColor: kindStyles[kind].stroke }}
              >
                <KindIcon kind={kind} color={kindStyles[kind].stroke} />
              </span>
              {t.kind(kind)}
            </li>
          ))}
          {RELATIONS.map((relation) => (
            <li key={relation}>
              <svg width="34" height="10" aria-hidden>
                <line
                  x1="0"
                  y1="5"
                  x2="26"
                  y2="5"
                  stroke={relationStyles[relation].stroke}
                  strokeWidth="2"
                  strokeDasharray={relationStyles[relation].dash || undefined}
                />
                <path d="M26 1 L33 5 L26 9 Z" fill={relationStyles[relation].stroke} />
              </svg>
              {t.relation(relation)}
            </li>
          ))}
        </ul>
      </details>
    </Panel>
  );
}
