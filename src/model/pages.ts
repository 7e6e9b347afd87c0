/** Where a source's text falls on its printed pages, for citing a quote with its page. */
import type { Source } from './schema';

/** The label of the printed page an offset of `source` falls on; none when it has no pages. */
export function pageAt(source: Pick<Source, 'pages'>, offset: number): string | undefined {
  let label: string | undefined;
  for (const page of source.pages ?? []) {
    if (page.start > offset) break;
    label = page.label;
  }
  return label;
}
