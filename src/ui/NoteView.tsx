/**
 * A node's note rendered from Markdown, safely: raw HTML in the note is shown as text, never
 * interpreted, and links may only go to http(s) or mailto addresses.
 */
import Markdown, { type UrlTransform } from 'react-markdown';

const SAFE_URL = /^(https?:|mailto:)/i;

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
}

/** A remark plugin that turns raw HTML in the Markdown into plain text, so it shows literally. */
function htmlAsText() {
  const visit = (node: MdNode) => {
    if (node.type === 'html') node.type = 'text';
    node.children?.forEach(visit);
  };
  return visit;
}

export const safeUrl: UrlTransform = (url) => (SAFE_URL.test(url.trim()) ? url : '');

export default function NoteView({ markdown }: { markdown: string }) {
  return (
    <Markdown
      remarkPlugins={[htmlAsText]}
      urlTransform={safeUrl}
      components={{
        a: ({ href, children }) =>
          href ? (
            <a href={href} target="_blank" rel="noopener noreferrer nofollow">
              {children}
            </a>
          ) : (
            <span>{children}</span>
          ),
        img: ({ alt }) => <span>{alt}</span>,
      }}
    >
      {markdown}
    </Markdown>
  );
}
