/**
 * Argumentation schemes in AIF, both ways. AIF tools name an S-node's scheme in three places:
 * AIFdb's `scheme` field (with `schemeID`), the node's `text` (OVA writes the scheme's name
 * there, "Default Inference" when there is none) and OVA3's `schemefulfillments` list, which
 * links S-node ids to AIFdb scheme ids. Names are kept exactly as written; a scheme known only by
 * its id is named from the catalog when the catalog knows that id.
 */
import type { ArgMap } from '../model/schema';
import { DEFAULT_SCHEME_IDS, findScheme, findSchemeById, isDefaultScheme } from '../model/schemes';

type Json = Record<string, unknown>;
const idOf = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/** S-node id → AIFdb scheme id, from OVA3's `schemefulfillments` (absent, null or bad entries skipped). */
export function schemeFulfilments(aif: Json): Map<string, string> {
  const out = new Map<string, string>();
  const list = Array.isArray(aif.schemefulfillments) ? (aif.schemefulfillments as unknown[]) : [];
  for (const entry of list) {
    if (typeof entry !== 'object' || entry === null) continue;
    const node = idOf((entry as Json).nodeID);
    const scheme = idOf((entry as Json).schemeID);
    if (node !== undefined && scheme !== undefined && !out.has(node)) out.set(node, scheme);
  }
  return out;
}

/**
 * The particular scheme of an RA/CA/MA node, or undefined when it names none (no name, or only a
 * default such as "Default Inference" or AIFdb's bare "RA"). The `scheme` field comes first, then
 * a name in the text, then a fulfilment whose id the catalog knows.
 */
export function aifSchemeName(node: Json, fulfilments: Map<string, string>): string | undefined {
  for (const value of [node.scheme, node.text]) {
    if (typeof value === 'string' && !isDefaultScheme(value)) return value.trim();
  }
  const id = idOf(node.nodeID);
  const schemeId = id === undefined ? undefined : fulfilments.get(id);
  return schemeId === undefined ? undefined : findSchemeById(schemeId)?.aifdbName;
}

/** The fields an exported S-node carries for a scheme: `scheme`, and `schemeID` where known. */
export function aifSchemeFields(scheme: string | undefined): {
  scheme?: string;
  schemeID?: string;
} {
  if (scheme === undefined || isDefaultScheme(scheme)) return {};
  const id = findScheme(scheme)?.aifdbId ?? DEFAULT_SCHEME_IDS[scheme];
  return id === undefined ? { scheme } : { scheme, schemeID: id };
}

/**
 * Schemes an AIF export cannot hold: those on edges that become no S-node (a premise's edge into
 * a junction, a junction's edge onward, which the junction's S-node stands for) and those on
 * nodes that are not inference junctions.
 */
export function aifUnheldSchemes(map: ArgMap): number {
  const junctions = new Set(map.nodes.filter((n) => n.kind === 'inference').map((n) => n.id));
  const edges = map.edges.filter(
    (e) =>
      e.scheme !== undefined &&
      ((junctions.has(e.to) && e.relation === 'supports') ||
        (junctions.has(e.from) && e.relation !== 'elaborates')),
  ).length;
  const nodes = map.nodes.filter((n) => n.scheme !== undefined && n.kind !== 'inference').length;
  return edges + nodes;
}
