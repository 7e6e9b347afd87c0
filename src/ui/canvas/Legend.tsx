/**
 * The canvas legend: every node kind and edge relation, in the canvas's own styles, and the
 * argumentation schemes the map uses, each with its mark's colour and short name.
 */
import { Panel } from '@xyflow/react';
import { NODE_KINDS, RELATIONS } from '../../model/vocabulary';
import { kindStyles, relationStyles } from '../../io/kindStyles';
import { useT } from '../i18n';
import { KindIcon } from './KindIcon';
import { useMapStore } from '../../store/mapStore';
import type { ArgMap } from '../../model/schema';
import { findScheme } from '../../model/schemes';
import { hasSchemeMark, SchemeBadge, schemeTitle } from './SchemeBadge';

const NO_SCHEMES: string[] = [];
let lastMap: ArgMap | null = null;
let lastSchemes = NO_SCHEMES;

/** The schemes the map uses (each catalog scheme once, however spelled), in order of first use. */
function usedSchemes(map: ArgMap | null): string[] {
  if (!map) return NO_SCHEMES;
  if (map === lastMap) return lastSchemes;
  const byKey = new Map<string, string>();
  for (const name of [...map.edges.map((e) => e.scheme), ...map.nodes.map((n) => n.scheme)]) {
    if (!hasSchemeMark(name)) continue;
    const key = findScheme(name)?.aifdbName ?? name;
    if (!byKey.has(key)) byKey.set(key, name);
  }
  lastMap = map;
  const names = [...byKey.values()];
  // The same list keeps its array, so the legend is not drawn again on every edit.
  if (names.join('\n') !== lastSchemes.join('\n')) lastSchemes = names.length ? names : NO_SCHEMES;
  return lastSchemes;
}

export function Legend() {
  const t = useT();
  const schemes = useMapStore((s) => usedSchemes(s.map));
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
        {schemes.length > 0 && (
          <ul className="legend-schemes" aria-label={t('schemes')} data-testid="legend-schemes">
            {schemes.map((name) => (
              <li key={name}>
                <SchemeBadge name={name} />
                {schemeTitle(name, t.language)}
              </li>
            ))}
          </ul>
        )}
      </details>
    </Panel>
  );
}
