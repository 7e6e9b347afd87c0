/** Turns the browser's text selection in the source pane into offsets of a source's text. */

export interface SourceSelection {
  sourceId: string;
  start: number;
  end: number;
  text: string;
}

/**
 * The position in the source text of a DOM point: inside a sentence element it is that sentence's
 * start plus the offset; between sentences it snaps to the next sentence's start (`side` 'start')
 * or the previous one's end ('end').
 */
function sourceOffset(node: Node, offset: number, side: 'start' | 'end'): number | null {
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  // A sentence, or a piece of one (the source pane cuts sentences where cited spans start/end).
  const sentence = element?.closest<HTMLElement>(
    '[data-sentence-id] [data-start], [data-sentence-id]',
  );
  if (sentence) {
    const start = Number(sentence.dataset.start);
    if (node.nodeType === Node.TEXT_NODE) return start + offset;
    const child = node.childNodes[offset];
    if (child instanceof HTMLElement && child.dataset.start) return Number(child.dataset.start);
    return offset === 0 ? start : Number(sentence.dataset.end);
  }
  const article = element?.closest('[data-source-id]');
  if (!article) return null;
  const all = [...article.querySelectorAll<HTMLElement>('[data-sentence-id]')];
  const point = document.createRange();
  point.setStart(node, offset);
  if (side === 'start') {
    const next = all.find((s) => point.comparePoint(s, 0) >= 0);
    return next ? Number(next.dataset.start) : null;
  }
  const previous = [...all].reverse().find((s) => point.comparePoint(s, s.childNodes.length) <= 0);
  return previous ? Number(previous.dataset.end) : null;
}

/** The current selection, if it lies within one source of the pane and is not empty. */
export function readSourceSelection(
  pane: HTMLElement,
  texts: Map<string, string>,
): SourceSelection | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!pane.contains(range.commonAncestorContainer)) return null;
  const startArticle = (
    range.startContainer.parentElement ?? (range.startContainer as Element)
  ).closest<HTMLElement>('[data-source-id]');
  const endArticle = (
    range.endContainer.parentElement ?? (range.endContainer as Element)
  ).closest<HTMLElement>('[data-source-id]');
  if (!startArticle || startArticle !== endArticle) return null;
  const sourceId = startArticle.dataset.sourceId!;
  const start = sourceOffset(range.startContainer, range.startOffset, 'start');
  const end = sourceOffset(range.endContainer, range.endOffset, 'end');
  if (start === null || end === null || end <= start) return null;
  const text = texts.get(sourceId)?.slice(start, end) ?? '';
  return text.trim() ? { sourceId, start, end, text } : null;
}
