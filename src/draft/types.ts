/**
 * What the drafting assistant proposes for a text (issue 15): argumentative units cut from the
 * text, the central claim, each unit's kind and the support/attack links between them, with
 * linked premises joined through inference junctions. A proposal is not part of a map until
 * the user accepts it; `draftToMap` (in `./toMap`) turns accepted proposals into nodes and
 * edges that cite their spans.
 *
 * Shared by the offline drafter (`./rules`), the optional model-made draft (`./modelDraft`), the
 * editor's review and the CLI's `argmap draft`, so every producer hands over the same shape.
 */
import type { NodeKind } from '../model/schema';

/** The kinds a proposed unit can take (every node kind but the `inference` junction). */
export type UnitKind = Exclude<NodeKind, 'inference'>;

/** The families of cues the drafter reads; each proposal names the cue that made it. */
export type CueFamily =
  | 'position' // first or last in the text, a heading, a title
  | 'enumeration' // 一是…二是, 首先/其次, first/second/finally
  | 'reason' // 因为/由于, because/since/for
  | 'conclusion' // 因此/所以/可见, therefore/thus/so/hence
  | 'contrast' // 但是/然而/不过, however/but/yet/nevertheless
  | 'concession' // 诚然/虽然…但, admittedly/of course/granted/some say (the opponent's voice)
  | 'example' // 例如/比如, for example/for instance
  | 'addition' // besides/moreover/furthermore/also
  | 'recommendation' // 应当/应该/必须, should/must/ought
  | 'question' // a rhetorical question
  | 'model' // proposed by a language model, not by a cue of the text
  | 'default'; // no cue: attached by position alone

/** The cue behind a proposal: its family and the words of the text that carry it. */
export interface Cue {
  readonly family: CueFamily;
  /** The marker as it stands in the text ("because", "因此"), or a short description. */
  readonly marker: string;
  /** UTF-16 offset of the marker in the source text, when it is a span of it. */
  readonly at?: number;
}

/** A proposed unit: always a verbatim span of its source's text. */
export interface DraftUnit {
  /** Stable within one draft: "u1", "u2", … in text order. */
  readonly id: string;
  /** UTF-16 offsets into the source's text, end exclusive; `text === source.text.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: UnitKind;
  /** Why this unit and this kind. */
  readonly cues: readonly Cue[];
}

/** An inference junction: premises that support or attack only jointly point into it. */
export interface DraftJunction {
  /** "j1", "j2", … */
  readonly id: string;
}

/** A proposed link. `from` is a unit; `to` is a unit or a junction; a junction links onwards. */
export interface DraftLink {
  /** "l1", "l2", … */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly relation: 'supports' | 'attacks';
  readonly cue: Cue;
}

/**
 * A whole draft. The units form one tree: the central unit has no outgoing link; every other
 * unit has exactly one outgoing link (to a unit or a junction), and every junction exactly one.
 */
export interface MapDraft {
  readonly sourceId: string;
  /** BCP 47 language the rules were chosen for ("en", "zh-Hans"). */
  readonly language: string;
  readonly units: readonly DraftUnit[];
  readonly junctions: readonly DraftJunction[];
  readonly links: readonly DraftLink[];
  /** The id of the central claim's unit (kind `conclusion`). */
  readonly central: string;
  /** Who made it: the offline rules, or a configured model. */
  readonly by: 'rules' | 'model';
}

/** What the drafter is given. */
export interface DraftInput {
  readonly sourceId: string;
  readonly text: string;
  /** BCP 47; guessed from the text when absent. */
  readonly language?: string;
  /**
   * Given units: strings that occur, in order, in `text`. The draft then has exactly one unit
   * per segment, in that order, each citing that segment's span.
   */
  readonly segments?: readonly string[];
  /**
   * Parts of the text to draft from (e.g. the uncited parts of a source of an open map), as
   * [start, end) ranges in text order; the whole text when absent.
   */
  readonly ranges?: readonly (readonly [number, number])[];
}
