/**
 * The migration chain: one step per past `version`, each turning a document of that version into
 * the next. Steps work on plain JSON (they run before validation), so each one only needs to know
 * the two shapes it bridges.
 */
import { CURRENT_VERSION } from '../model/vocabulary';
import { briefValue, problem, type Problem } from '../model/problem';

type Json = Record<string, unknown>;

/** `steps[v]` migrates a version-`v` document to version `v + 1`. */
const steps: Record<number, (doc: Json) => Json> = {
  /**
   * Version 0 was the pre-release draft of the format: nodes had `type` instead of `kind` and
   * `sentenceIds` instead of `refs`; edges had `source`/`target`/`type`, with `rebuts` for attacks.
   */
  0: (doc) => ({
    ...doc,
    version: 1,
    nodes: asArray(doc.nodes).map((node) => {
      const { type, sentenceIds, ...rest } = node as Json;
      return {
        ...rest,
        kind: rest.kind ?? type,
        refs: rest.refs ?? asArray(sentenceIds).map((sentence) => ({ sentence })),
      };
    }),
    edges: asArray(doc.edges).map((edge) => {
      const { source, target, type, ...rest } = edge as Json;
      const relation = rest.relation ?? (type === 'rebuts' ? 'attacks' : type);
      return { ...rest, from: rest.from ?? source, to: rest.to ?? target, relation };
    }),
  }),
  /**
   * Version 2 replaces the one optional `tour` with named `tours` (required), and adds groups,
   * comments and richer sources, all optional.
   */
  1: (doc) => {
    const { tour, ...rest } = doc;
    return {
      ...rest,
      version: 2,
      tours: tour === undefined ? [] : [{ id: 't1', title: 'Walk-through', steps: tour }],
    };
  },
};

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The outcome of migrating: the document at the current version, or why it cannot be. */
export type MigrationResult = { ok: true; doc: Json; from: number } | ({ ok: false } & Problem);

/** Brings a parsed document up to {@link CURRENT_VERSION}; refuses versions it cannot read. */
export function migrate(doc: Json): MigrationResult {
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return {
      ok: false,
      ...(version === undefined
        ? problem('version', 'verMissing', CURRENT_VERSION)
        : problem('version', 'verBad', briefValue(version), CURRENT_VERSION)),
    };
  }
  if (version > CURRENT_VERSION) {
    return { ok: false, ...problem('version', 'verNewer', version, CURRENT_VERSION) };
  }
  let current = doc;
  for (let v = version; v < CURRENT_VERSION; v++) {
    const step = steps[v];
    if (!step) return { ok: false, ...problem('version', 'verNoStep', v) };
    current = step(current);
  }
  return { ok: true, doc: current, from: version };
}
