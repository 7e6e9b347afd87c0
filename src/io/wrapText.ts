/**
 * Line wrapping for exported text, without a font at hand: widths are estimated in ems (CJK
 * ideographs, kana, hangul and full-width forms 1em; everything else ≈0.55em). Chinese and
 * Japanese may break between any two characters except before closing punctuation (，。、）」 …)
 * or after opening punctuation (（「 …); Latin text breaks at spaces, and a word longer than a
 * line is cut.
 */

/**
 * Characters that take a full em: ideographs (the BMP's and the astral extensions B–H, U+20000 to
 * U+3FFFD), kana, hangul, CJK and full-width punctuation, and emoji shown as emoji by default.
 */
const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3040-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F200}-\u{1F2FF}\u{20000}-\u{3FFFD}\p{Emoji_Presentation}]/u;
/** Marks drawn on the character before them (accents, variation selectors, joiners): no width. */
const ZERO_WIDTH = /[\p{M}\u200B-\u200D\u2060]/u;
/** A character after which a line may break in CJK text (ideographs and kana, not punctuation). */
const CJK_BREAKABLE =
  /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7A3\uF900-\uFAFF\u{20000}-\u{3FFFD}]/u;
/** No line may start with these (kinsoku: closing brackets, commas, stops, and the like). */
const NO_BREAK_BEFORE = new Set(
  Array.from(
    '，。、．：；！？）」』】〕〉》”’…‥・〜ー々ゝゞヽヾぁぃぅぇぉっゃゅょァィゥェォッャュョ,.;:!?)]}%',
  ),
);
/** No line may end with these (opening brackets and quotes). */
const NO_BREAK_AFTER = new Set(Array.from('（「『【〔〈《“‘([{'));

/**
 * Estimated width of `text` in ems, by code point (so an astral character counts once). U+FE0F
 * asks for the emoji form of the character before it, which then takes a full em.
 */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (ch === '\uFE0F') width += 0.45;
    else if (ZERO_WIDTH.test(ch)) continue;
    else width += WIDE.test(ch) ? 1 : 0.55;
  }
  return width;
}

/**
 * Splits `text` into pieces that must stay together; a line may break between any two pieces,
 * and whitespace pieces are dropped at line ends.
 */
function pieces(text: string): string[] {
  const out: string[] = [];
  const chars = Array.from(text.replace(/\s+/g, ' ').trim());
  let word = '';
  const flush = () => {
    if (word) out.push(word);
    word = '';
  };
  for (const ch of chars) {
    if (ch === ' ') {
      flush();
      out.push(' ');
    } else if (CJK_BREAKABLE.test(ch) || WIDE.test(ch)) {
      flush();
      out.push(ch);
    } else {
      word += ch;
    }
  }
  flush();
  // Glue kinsoku characters to their neighbours so no break lands beside them.
  const glued: string[] = [];
  for (const piece of out) {
    const previous = glued[glued.length - 1];
    const first = Array.from(piece)[0] ?? '';
    const previousLast = previous === undefined ? '' : (Array.from(previous).pop() ?? '');
    if (previous !== undefined && previous !== ' ' && piece !== ' ') {
      if (NO_BREAK_BEFORE.has(first) || NO_BREAK_AFTER.has(previousLast)) {
        glued[glued.length - 1] = previous + piece;
        continue;
      }
    }
    glued.push(piece);
  }
  return glued;
}

/**
 * Wraps `text` into lines no wider than `maxEm` ems (a piece wider than a whole line is cut by
 * characters). Whitespace runs collapse to one space; an empty text gives one empty line.
 */
export function wrapText(text: string, maxEm: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  const push = () => {
    lines.push(line.trimEnd());
    line = '';
    width = 0;
  };
  for (const piece of pieces(text)) {
    if (piece === ' ') {
      if (line) {
        line += ' ';
        width += 0.55;
      }
      continue;
    }
    const w = textWidthEm(piece);
    if (width + w > maxEm && line.trim()) push();
    if (w <= maxEm) {
      line += piece;
      width += w;
      continue;
    }
    for (const ch of piece) {
      const cw = textWidthEm(ch);
      if (width + cw > maxEm && line) push();
      line += ch;
      width += cw;
    }
  }
  if (line.trim() || lines.length === 0) push();
  return lines;
}
