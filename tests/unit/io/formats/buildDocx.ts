/**
 * Builds a real Word document (.docx: WordprocessingML in a ZIP archive) for the reader's tests:
 * content types, package and document relationships, styles with Heading1/Heading2, the body,
 * footnotes and endnotes (with Word's separator notes), and core properties (title, creator).
 */
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A run of text; `{ note: n }` is a footnote reference, `{ endnote: n }` an endnote reference. */
export type Run = string | { note: number } | { endnote: number } | { bold: string } | { br: true };

export interface DocxParagraph {
  style?: 'Heading1' | 'Heading2' | 'Title' | 'ListParagraph';
  runs: Run[];
}

export interface DocxSpec {
  paragraphs: DocxParagraph[];
  /** Footnote id → its text (ids from 1). */
  footnotes?: Record<number, string>;
  endnotes?: Record<number, string>;
  title?: string;
  creator?: string;
}

function run(r: Run): string {
  if (typeof r === 'string') return `<w:r><w:t xml:space="preserve">${escape(r)}</w:t></w:r>`;
  if ('note' in r)
    return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${r.note}"/></w:r>`;
  if ('endnote' in r)
    return `<w:r><w:rPr><w:rStyle w:val="EndnoteReference"/></w:rPr><w:endnoteReference w:id="${r.endnote}"/></w:r>`;
  if ('br' in r) return '<w:r><w:br/></w:r>';
  return `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${escape(r.bold)}</w:t></w:r>`;
}

const paragraph = (p: DocxParagraph) =>
  `<w:p>${p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : ''}${p.runs.map(run).join('')}</w:p>`;

function notesXml(kind: 'footnote' | 'endnote', notes: Record<number, string>): string {
  const tag = `w:${kind}`;
  const ref = kind === 'footnote' ? 'w:footnoteRef' : 'w:endnoteRef';
  const style = kind === 'footnote' ? 'FootnoteText' : 'EndnoteText';
  const separators =
    `<${tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></${tag}>` +
    `<${tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></${tag}>`;
  const body = Object.entries(notes)
    .map(
      ([id, text]) =>
        `<${tag} w:id="${id}"><w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr>` +
        `<w:r><w:rPr><w:rStyle w:val="${kind === 'footnote' ? 'FootnoteReference' : 'EndnoteReference'}"/></w:rPr><${ref}/></w:r>` +
        `<w:r><w:t xml:space="preserve"> ${escape(text)}</w:t></w:r></w:p></${tag}>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${kind}s xmlns:w="${W}" xmlns:r="${R}">${separators}${body}</w:${kind}s>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="EndnoteText"><w:name w:val="endnote text"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="EndnoteReference"><w:name w:val="endnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>`;

/** The bytes of a .docx built from `spec`. */
export async function buildDocx(spec: DocxSpec): Promise<Uint8Array> {
  const zip = new JSZip();
  const hasFootnotes = spec.footnotes !== undefined;
  const hasEndnotes = spec.endnotes !== undefined;
  const hasCore = spec.title !== undefined || spec.creator !== undefined;
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
${hasFootnotes ? '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>' : ''}
${hasEndnotes ? '<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"/>' : ''}
${hasCore ? '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' : ''}
</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG}">
<Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/>
${hasCore ? `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` : ''}
</Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG}">
<Relationship Id="rId1" Type="${R}/styles" Target="styles.xml"/>
${hasFootnotes ? `<Relationship Id="rId2" Type="${R}/footnotes" Target="footnotes.xml"/>` : ''}
${hasEndnotes ? `<Relationship Id="rId3" Type="${R}/endnotes" Target="endnotes.xml"/>` : ''}
</Relationships>`,
  );
  zip.file('word/styles.xml', STYLES);
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${spec.paragraphs.map(paragraph).join('')}<w:sectPr/></w:body></w:document>`,
  );
  if (spec.footnotes) zip.file('word/footnotes.xml', notesXml('footnote', spec.footnotes));
  if (spec.endnotes) zip.file('word/endnotes.xml', notesXml('endnote', spec.endnotes));
  if (hasCore)
    zip.file(
      'docProps/core.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
${spec.title !== undefined ? `<dc:title>${escape(spec.title)}</dc:title>` : ''}
${spec.creator !== undefined ? `<dc:creator>${escape(spec.creator)}</dc:creator>` : ''}
<dcterms:created xsi:type="dcterms:W3CDTF">2024-05-01T10:00:00Z</dcterms:created>
</cp:coreProperties>`,
    );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
