/**
 * The relation of an edge as a labelled select (supports, attacks, elaborates, in the interface's
 * language); a change is one undoable edit. Used by the edge inspector and the node's edge lists.
 */
import { RELATIONS } from '../model/vocabulary';
import type { ArgEdge, Relation } from '../model/schema';
import { updateEdge } from '../model/operations';
import { useMapStore } from '../store/mapStore';
import { useT } from './i18n';

export function RelationSelect({
  edge,
  disabled,
  testId,
}: {
  edge: ArgEdge;
  disabled?: boolean;
  testId?: string;
}) {
  const t = useT();
  const edit = useMapStore((s) => s.edit);
  return (
    <label>
      {t('relation')}
      <select
        data-testid={testId}
        value={edge.relation}
        disabled={disabled}
        onChange={(e) =>
          edit((m) => updateEdge(m, edge.id, { relation: e.target.value as Relation }))
        }
      >
        {RELATIONS.map((r) => (
          <option key={r} value={r}>
            {t.relation(r)}
          </option>
        ))}
      </select>
    </label>
  );
}
