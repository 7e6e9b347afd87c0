/** Search nodes and sentences by text; filter by kind and tag; jump to a result. */
import { useMemo, useRef, useState } from 'react';
import { NODE_KINDS } from '../model/vocabulary';
import type { ArgMap, NodeKind } from '../model/schema';
import { searchMap, type SearchHit } from '../model/search';
import { kindStyles } from '../io/kindStyles';
import { useMapStore } from '../store/mapStore';
import { useUiStore } from '../store/uiStore';
import { useT } from './i18n';

export function revealNodes(ids: string[]) {
  useMapStore.getState().select({ nodeIds: ids, edgeIds: [] });
  useUiStore.getState().set({ reveal: { ids, at: Date.now() } });
}

function jump(map: ArgMap, hit: SearchHit) {
  if (hit.type === 'node') return revealNodes([hit.id]);
  const citing = map.nodes
    .filter((n) => n.refs.some((r) => r.sentence === hit.id))
    .map((n) => n.id);
  useMapStore.getState().highlight([hit.id]);
  document
    .querySelector(`[data-sentence-id="${CSS.escape(hit.id)}"]`)
    ?.scrollIntoView({ block: 'center' });
  if (citing.length) revealNodes(citing);
}

export function SearchBox({ map }: { map: ArgMap }) {
  const t = useT();
  const search = useUiStore((s) => s.search);
  const kindFilter = useUiStore((s) => s.kindFilter);
  const tagFilter = useUiStore((s) => s.tagFilter);
  const set = useUiStore((s) => s.set);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const hits = useMemo(() => searchMap(map, search, 30), [map, search]);
  const tags = useMemo(
    () => [...new Set(map.nodes.flatMap((n) => n.tags ?? []))].sort(),
    [map.nodes],
  );
  const toggleKind = (kind: NodeKind) =>
    set({
      kindFilter: kindFilter.includes(kind)
        ? kindFilter.filter((k) => k !== kind)
        : [...kindFilter, kind],
    });

  return (
    <div className="search" role="search">
      <input
        ref={inputRef}
        id="search-input"
        data-testid="search-input"
        type="search"
        placeholder={t('search')}
        aria-label={t('search')}
        value={search}
        onChange={(e) => {
          set({ search: e.target.value });
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(hits.length - 1, a + 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
          else if (e.key === 'Enter' && hits[active]) {
            jump(map, hits[active]);
            setOpen(false);
          } else if (e.key === 'Escape') {
            set({ search: '' });
            inputRef.current?.blur();
          } else return;
          e.preventDefault();
        }}
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls="search-results"
      />
      {open && search.trim() && (
        <ul
          className="search-results"
          id="search-results"
          role="listbox"
          data-testid="search-results"
        >
          {hits.length === 0 && <li className="muted">0 {t('results')}</li>}
          {hits.map((hit, i) => (
            <li key={`${hit.type}:${hit.id}`} role="option" aria-selected={i === active}>
              <button
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => (jump(map, hit), setOpen(false))}
              >
                <span
                  className="hit-kind"
                  style={hit.kind ? { background: kindStyles[hit.kind].fill } : undefined}
                >
                  {hit.kind ? t.kind(hit.kind) : t('sentence')}
                </span>
                {hit.text.length > 80 ? `${hit.text.slice(0, 80)}…` : hit.text}
              </button>
            </li>
          ))}
        </ul>
      )}
      <details className="filters">
        <summary>
          {t('filterKinds')}
          {kindFilter.length || tagFilter ? ' •' : ''}
        </summary>
        <div className="filter-panel">
          {NODE_KINDS.map((kind) => (
            <label key={kind} className="checkbox">
              <input
                type="checkbox"
                checked={kindFilter.includes(kind)}
                onChange={() => toggleKind(kind)}
              />
              {t.kind(kind)}
            </label>
          ))}
          <select
            aria-label={t('tag')}
            value={tagFilter ?? ''}
            onChange={(e) => set({ tagFilter: e.target.value || null })}
          >
            <option value="">{t('allTags')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </div>
      </details>
    </div>
  );
}
