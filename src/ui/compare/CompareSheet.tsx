/**
 * The feedback sheet laid out for printing (Print → Save as PDF): the same Markdown as the
 * download (`exportCompareMarkdown`, with the teacher's verdicts, in the interface's language),
 * rendered into the page outside the editor, and shown only on paper (styles.css hides the editor
 * while it is there). The editor's Markdown renderer has no tables, so the sheet's one table (the
 * scores, whose cells hold only numbers and our own words) is drawn here.
 */
import { createPortal } from 'react-dom';
import Markdown from 'react-markdown';
import { useEffect } from 'react';
import { useCompareStore } from '../../store/compareStore';

export function CompareSheet({ markdown }: { markdown: string }) {
  useEffect(() => {
    const done = () => useCompareStore.setState({ printing: false });
    window.addEventListener('afterprint', done);
    return () => window.removeEventListener('afterprint', done);
  }, []);
  return createPortal(
    <article className="compare-sheet" data-testid="compare-sheet">
      {blocks(markdown).map((block, i) =>
        typeof block === 'string' ? (
          <Markdown key={i}>{block}</Markdown>
        ) : (
          <table key={i}>
            <thead>
              <tr>
                {block[0]!.map((cell, j) => (
                  <th key={j}>{cell}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.slice(1).map((row, r) => (
                <tr key={r}>
                  {row.map((cell, j) => (
                    <td key={j}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ),
      )}
    </article>,
    document.body,
  );
}

/** The Markdown cut into text and tables (rows of cells, the header first, no separator row). */
function blocks(markdown: string): (string | string[][])[] {
  const out: (string | string[][])[] = [];
  for (const line of markdown.split('\n')) {
    const last = out[out.length - 1];
    if (line.startsWith('|')) {
      if (/^\|(\s*-+\s*\|)+$/.test(line)) continue;
      const row = line
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim());
      if (Array.isArray(last)) last.push(row);
      else out.push([row]);
    } else if (typeof last === 'string') out[out.length - 1] = `${last}\n${line}`;
    else out.push(line);
  }
  return out;
}

/** Lays the sheet out, then opens the browser's print dialog once it has been drawn. */
export function printFeedback() {
  useCompareStore.setState({ printing: true });
  requestAnimationFrame(() => requestAnimationFrame(() => print()));
}
