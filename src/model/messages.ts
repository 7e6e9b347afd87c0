/**
 * Messages made outside the interface (an import's report and problems, a refused file, a map
 * that cannot be opened by address), by key and arguments: the English words are here, next to
 * their keys (the command line prints them); the editor shows each key in its interface's
 * language (src/ui/i18nMessages.ts). "{0}", "{1}"… stand for the arguments, which are data (a
 * file name, a JSON path, a number, a parser's own words) or messages themselves.
 */
export const MESSAGES = {
  // Reading a file (io/decodeText.ts, io/parseJsonText.ts, io/importFile.ts)
  fileEmpty: 'The file is empty.',
  fileIsKind:
    'This is {0}, not a text file, so it cannot be an argument map, AIF, Argdown or plain text.',
  fileKindPng: 'a PNG image',
  fileKindJpeg: 'a JPEG image',
  fileKindGif: 'a GIF image',
  fileKindPdf: 'a PDF document',
  fileKindZip: 'a ZIP archive (or a Word, Excel or OpenDocument file)',
  fileKindGzip: 'a gzip archive',
  fileUtf16NoMark:
    'This looks like UTF-16 text without a byte-order mark; save it as UTF-8 and import it again.',
  fileZeroByte:
    'This is a binary file (it has a zero byte at offset {0}), not a text file, so it cannot be an argument map, AIF, Argdown or plain text.',
  fileZeroChar:
    'This is a binary file (it has a zero character at offset {0}), not a text file, so it cannot be an argument map, AIF, Argdown or plain text.',
  fileNotUtf8:
    'This is not a UTF-8 text file: byte 0x{0} at line {1}, column {2} is not valid UTF-8. Maps, AIF, Argdown and plain text must be UTF-8; if this is text in another encoding, save it as UTF-8 and import it again.',
  fileUnreadable: 'The file could not be read ({0}).',
  fileTooLarge:
    'The file is too large: {0} ({1} bytes); files up to {2} can be imported. It was not read.',
  fileTooManyChars:
    'The file is too large: {0} characters; files up to {1} characters can be imported.',
  fileNamed: '{0}: {1}',
  fileOtherJson:
    'This is JSON of another kind ({0}): neither an argument map ("format": "argmap") nor AIF ("nodes" and "edges" lists).',
  jsonList: 'a list of {0} item(s)',
  jsonSingle: 'a single {0}',
  jsonEmptyObject: 'an empty object',
  jsonObjectWith: 'an object with {0}',
  jsonTooDeep:
    'the JSON is nested more than {0} levels deep here; no argument map or AIF file nests that deep, so it was not read.',
  jsonInvalid: 'not valid JSON: {0}',
  jsonTruncated:
    'not valid JSON: the text ends before the JSON is complete, so the file looks truncated (cut off while saving or downloading).',
  jsonExpectedFound: 'not valid JSON: expected {0}, found {1}.',
  jsonControlChar: 'the control character U+{0}',
  jsonValue:
    'a value (an object, a list, a string in double quotes, a number, true, false or null)',
  jsonCloseString: 'the string to be closed with " on its line',
  jsonHexDigits: 'four hex digits after \\u',
  jsonEscape: 'an escape such as \\n, \\" or \\\\ after a backslash',
  jsonFieldName: 'a field name in double quotes',
  jsonColon: '":" after the field name',
  jsonNothingAfter: 'nothing after the end of the JSON',
  jsonCommaOr: '"," or "{0}"',
  textTooLong: '{0} is {1} characters long; the limit for a source text is {2}.',
  textWhatSidecar: 'The analysed text beside the AIF file',
  textWhatArgdown: 'The Argdown file',
  textWhatText: 'The text',
  textEmpty: 'The text is empty.',
  // The limits of one map (model/limits.ts, io/parseJsonText.ts)
  limSourceTooLong: 'is {0} characters long; the limit for a source text is {1}.',
  limFieldTooLong:
    'is {0} characters long; the limit for this field is {1} (source texts may have {2}).',
  limTooManyEntries: 'has {0} entries; the limit is {1}.',
  limWouldHaveEntries: 'would have {0} entries; the limit is {1}.',
  limLongFieldName: 'has a field name {0} characters long; the limit is {1}.',
  limSentences: 'hold {0} sentences together; the limit for a map is {1}.',
  limMapChars: 'The map holds {0} characters of text; the limit for a map is {1}.',
  limEditRefused: 'This edit was not made: {0}',
  limFieldSays: '{0} {1}',
  inConvertedMap: '{0} (in the converted map)',
  // Checking a map (model/validate.ts, io/migrations.ts)
  valUnknownField: 'is not a field of this format (unknown fields are refused)',
  valMissing: 'is missing (expected {0})',
  valWrongType: 'invalid input: expected {0}, received {1}',
  valOneOf: 'invalid option: expected one of {0}',
  valExpected: 'invalid input: expected {0}',
  valNotEmpty: 'must not be empty',
  valIdTooLong: 'is longer than 200 characters',
  valWhole: 'must be a whole number',
  valNotNegative: 'must not be negative',
  valCoordinate: 'must be within ±10,000,000',
  valRating: 'must be 1 to 5',
  valOneSource: 'must hold at least one source',
  valSentenceIdUsed: '"{0}" is used by another sentence of this map',
  valPastEnd: '{0} is past the end of the text ({1})',
  valStartBeforeEnd: 'start {0} must be before end {1}',
  valOverlaps: '{0} overlaps the sentence before it (which ends at {1})',
  valPageBefore: '{0} is before the start of the page before it ({1})',
  valSplitsPair: 'falls inside a UTF-16 surrogate pair (between the two halves of one character)',
  valNotNode: '"{0}" is not a node of this map',
  valNeedsRef:
    'a {0} node needs at least one ref (only inference junctions and implicit premises may have none)',
  valNotSentence: '"{0}" is not a sentence of this map',
  valSpanEnds: 'a span needs both start and end',
  valQuoteSpan: 'a quote needs the start and end of its span',
  valSpanOutside: 'span {0}–{1} lies outside sentence "{2}" ({3}–{4})',
  valQuoteMismatch: '"{0}" does not match the text at {1}–{2} ("{3}")',
  valSelfEdge: 'joins node "{0}" to itself',
  valNotGroup: '"{0}" is not a group of this map',
  valGroupCycle: 'makes the groups a cycle ({0})',
  valNotTarget: '"{0}" is not a node or edge of this map',
  valSelfReply: 'a comment cannot answer itself',
  valNotComment: '"{0}" is not a comment of this map',
  valIdUsed: '"{0}" is used by another {1}',
  wSource: 'source',
  wNode: 'node',
  wEdge: 'edge',
  wGroup: 'group',
  wTour: 'tour',
  wComment: 'comment',
  plain: '{0}',
  verMissing: 'is missing: must be a whole number (this editor reads versions 0 to {0})',
  verBad: 'is {0}: must be a whole number (this editor reads versions 0 to {1})',
  verNewer:
    'this file is version {0}, made by a newer release of the editor; this one reads up to version {1}. Update the editor to open it.',
  verNoStep: 'no migration from version {0}',
  migrated: 'Migrated from version {0}.',
  mapNotMap: 'This JSON is not an argument map: expected an object with "format": "argmap".',
  mapNoFormat: 'is missing (expected "{0}"): this JSON is not an argument map',
  mapOtherFormat: 'is {0}, not "{1}": this file is not an argument map',
  backupNoMaps: 'is missing: this backup holds no maps',
  backupNotBackup: 'is not "argmap-backup"',
  // AIF (io/importAif.ts)
  aifNotAif:
    'This JSON is not AIF: expected "nodes" and "edges" lists (or an "AIF" object holding them).',
  aifSkippedNoId: 'Skipped node #{0}: it has no nodeID.',
  aifSkippedType: 'Skipped {0} {1} ({2}) node(s): only I, RA, CA and MA carry the argument.',
  aifLocution: 'locution',
  aifIllocution: 'illocution',
  aifTransition: 'transition',
  aifPreference: 'preference',
  aifUnknown: 'unknown',
  aifNoConclusion: "Skipped {0} node {1}: it has no conclusion among the argument's nodes.",
  aifNoPremise: "Skipped {0} node {1}: it has no premise among the argument's nodes.",
  aifConclusions: '{0} node {1} has {2} conclusions; each got the relation.',
  aifCounts: '{0} nodes and {1} edges from {2} AIF nodes.',
  aifEmpty: 'The AIF holds no nodes: the map is empty.',
  aifNoGroups: 'AIF has no sections or groups: the map has none.',
  aifGuessed: '{0} statement(s) got a kind from the structure (AIF has no kinds).',
  aifNoText: 'The AIF carries no analysed text: the source is built from the statements.',
  aifUnplaced: '{0} statement(s) were not found in the text and are marked implicit.',
  aifIdUsed: '{0} is used by another node ({1})',
  aifEdgeShape: 'must be an object with "fromID" and "toID"',
  aifMissing: 'is missing',
  aifNodeId: 'must be a node id (a string or number)',
  aifNotNode: '{0} is not a node of this AIF file',
  aifSelfEdge: 'joins {0} to itself',
  aifBothEnds:
    '{0} has statement {1} as both premise and conclusion: a cycle through an S-node (a statement cannot support or attack itself)',
  aifCycle:
    'closes a cycle of S-nodes: {0} (an inference or conflict cannot, through others, rest on itself)',
  // Argdown (io/importArgdown.ts, io/argdownData.ts)
  adTooDeep:
    'relations are nested more than {0} levels deep here (by indentation); the file was not read.',
  adParserFailed: 'The Argdown parser failed: {0}',
  adNoLine:
    'The Argdown parser could not read this file and named no line: it may nest relations, bold or italic text too deeply.',
  adCannotRead: 'The Argdown parser could not read this file: {0}',
  adSkippedRelation: 'Skipped a {0} relation whose ends could not be found ({1} → {2}).',
  adOnArguments:
    '{0} relation(s) to a reconstructed argument were attached to its final inference.',
  adConverted: '{0} entailment/contrary/contradiction relation(s) became supports/attacks.',
  adElaboratesNone: '"elaborates: {0}" names no statement; skipped.',
  adGuessed: '{0} statement(s) without a kind tag got a kind from the structure.',
  adNoCiteText: 'Statement "{0}" has no text to cite; marked implicit.',
  adNoStatements: 'The Argdown text holds no statements.',
  adHeadings: '{0} heading(s) became groups.',
  adCounts: '{0} nodes and {1} edges from {2} statements and {3} arguments.',
  adYamlInvalid: 'the {0} is not valid YAML: {1}.',
  adYamlTooBig: 'the {0} {1}; it was not read.',
  adFrontMatter: 'front matter',
  adData: 'data',
  adYamlValues: 'holds more than {0} values (counting each use of an alias)',
  adYamlChars: 'holds more than {0} characters (counting each use of an alias)',
  // Plain text (io/importText.ts)
  txtSentences: '{0} sentences in {1}.',
  txtSentencesGuessed: '{0} sentences in {1} (language guessed from the script).',
  // Importing in the editor (app/importFiles.ts)
  impImportedAs: 'Imported as “{0}”.',
  impRestored: '{0} map(s) restored.',
  impNotRestored: 'Not restored: map {0}:',
  impNotRestoredTitled: 'Not restored: map {0} “{1}”:',
  impFailed: 'The file could not be imported: {0}',
  problemAt: '{0}: {1}',
  // A problem's place in a text file (the path of a problem in Argdown or broken JSON)
  placeLine: 'line {0}',
  placeLineColumn: 'line {0}, column {1}',
  moreProblems: '…and {0} more.',
  // Loading a stored map record by record, and backing maps up (persist/)
  repStepMissing: 'its step {0} names no node that loaded; left out',
  repOrphan: 'it is on (or answers) a record that did not load; left out',
  bakLeftOut: 'The backup leaves out what does not validate (it stays stored, unchanged): {0}',
  bakMap: '“{0}” ({1}): {2}',
  bakMapNext: '{0} — {1}',
  bakProblemNext: '{0} {1}',
  indented: '  {0}',
  twoLines: '{0}\n{1}',
  // Opening a map by its address (app/openByUrl.ts)
  urlNotAddress: '“{0}” is not a web address.',
  urlNotHttp: 'Only http and https addresses can be opened, not “{0}”.',
  urlNetwork:
    'The map at {0} could not be downloaded (network error). Check the connection and try again.',
  urlCors:
    'The map at {0} could not be downloaded: the network failed, or its site does not allow other sites to read it (CORS: it must send “Access-Control-Allow-Origin”).',
  url404: 'The map at {0} could not be opened: there is no file at that address (404 Not Found).',
  urlStatus: 'The map at {0} could not be opened: the server answered {1}.',
  urlTooLarge: 'The map at {0} is too large ({1} MB).',
  urlUnreadable: 'The map at {0} could not be read: {1}',
  urlInvalid: 'The file at {0} is not a valid argument map:',
  // The session's banner (app/session.ts)
  sesNewerVersion:
    'A newer version of the editor has opened in another tab. Reload this tab to go on saving: until then your edits here are kept in memory, and the reload stores them.',
  sesNoStorage:
    "This browser's storage is unavailable ({0}). The editor works in memory: your changes are lost when you close the tab unless you export them (File → Map file, or Back up all maps).",
  sesCouldNotStart: 'The editor could not start: {0}',
  sesDamaged: 'The stored map "{0}" is damaged and was not opened:',
  sesSkipped:
    '{0} damaged record(s) of this map were left out; they stay stored, unchanged, and the rest of the map opened:',
  sesDeleted: '“{0}” was deleted in another tab.',
  // Shared maps (app/sharing)
  syncRefused:
    'The sharing server refused this link ({0}): it may have expired, been revoked by the map’s owner, or been altered. Ask the owner for a new link. What this browser holds of the map stays here, read-only.',
  syncUnreachable:
    'The sharing server at {0} cannot be reached, and this browser does not hold this map yet, so it cannot be opened. Try again when the server is running and you are online.',
  syncShareFailed: 'The map could not be shared through {0}: {1}',
  syncServerFull:
    'The sharing server cannot store edits to this map now ({0}). Your edits are kept in this browser and sent when it can.',
  // Exporting an image (app/exportActions.ts)
  expCannotDraw: 'This browser cannot draw the image.',
  expPngTooLarge: 'The map is too large for a PNG at this scale.',
  // Reading web pages, Word and Markdown (io/formats/html.ts, docx.ts, markdown.ts)
  fmtHtmlNoText: 'The web page holds no text to import.',
  fmtHtmlWholePage:
    'No article was found on the page, so all of its text was kept (menus and comments too, if it has any).',
  fmtDocxIsText:
    'This is a text file, not a Word document (a {0} file is a ZIP archive); it may have been renamed. Import it as text instead.',
  fmtDocxNotZip:
    'This is not a Word document: a {0} file is a ZIP archive, and this file is not one.',
  fmtDocxOldDoc:
    'This is a Word 97–2003 document ({0}), which cannot be read; save it as {1} (in Word or {2}) and import it again.',
  fmtDocxDamaged:
    'This Word document is damaged or incomplete (cut off while saving or downloading): its ZIP archive cannot be read.',
  fmtDocxNoDocument: 'This ZIP archive is not a Word document: it has no {0}.',
  fmtDocxUnreadable: 'This Word document could not be read: {0}',
  fmtDocxNoText: 'The Word document holds no text.',
  fmtMdNoText: 'The {0} text holds no text once its markup is removed.',
  fmtNotesGathered: '{0} note(s) gathered in a notes section at the end.',
  fmtNoteUnused: '{0} note(s) that the text never refers to were put at the end of the notes.',
  fmtNoteMissing: '{0} note reference(s) name no note and were left as written.',
  // Reading a PDF (io/formats/pdf.ts, io/formats/pdfClean.ts)
  pdfNotPdf: 'This file is not a PDF (it does not begin with “%PDF-”): it looks like {0}.',
  pdfKindHtml: 'a web page (HTML); open it as a web page instead',
  pdfKindText: 'plain text',
  pdfKindOther: 'some other kind of file',
  pdfNoText:
    'This PDF has {0} page(s) but no text layer: it is probably scanned. Run text recognition (OCR) on it first, or paste its text.',
  pdfEncrypted:
    'This PDF is protected by a password, so its text cannot be read. Save an unprotected copy and import that.',
  pdfBroken: 'This PDF is damaged or incomplete and could not be read ({0}).',
  pdfTruncated:
    'This PDF is incomplete: its end is missing (the file was cut short). Download it again.',
  pdfTooManyPages: 'This PDF has {0} pages; PDFs of up to {1} pages can be imported.',
  pdfTooLong:
    'The text of this PDF is longer than {0} characters, the limit for a source text; it was not imported.',
  pdfNoteRunning: '{0} running header and footer line(s) removed',
  pdfNotePageNumbers: '{0} page number(s) removed',
  pdfNoteHyphens: '{0} hyphenated word(s) at line ends rejoined',
  pdfNoteFootnotes: '{0} footnote(s) moved to the notes at the end',
  // Document sources and the importer registry (io/registry.ts)
  regNotAsNamed: '{0} is named as {1}, but it is not one: its content looks like {2}.',
  regLooksText: 'plain text',
  regLooksJson: 'JSON',
  regLooksHtml: 'a web page (HTML)',
  regWhatDocument: 'The text of the document',
  regHeadingsOffered: '{0} heading(s) found; they can be taken as groups.',
  regPages: '{0} page(s), from p. {1} to p. {2}.',
  regNoSource: 'The file gives no source text to add.',
  aifUnanchored: 'Not found in the analysed text (tagged “{0}”): {1}',
  // Model draft: the optional model-made draft (draft/modelDraft.ts)
  modelEndpointInvalid:
    'The drafting model’s address “{0}” is not a web address; it should look like https://example.org/v1 or http://localhost:8080/v1.',
  modelEndpointInsecure:
    'The drafting model’s address “{0}” uses plain http to another computer; use https, so that the key and the text are not sent in the clear (plain http is allowed only for this computer: localhost or 127.0.0.1).',
  modelNoModel: 'No model is named: enter the model’s name as the server knows it.',
  modelTextEmpty: 'There is no text to draft from.',
  modelUnreachable:
    'Could not reach the drafting model at {0}: the server is not running, the address is wrong, or it does not accept requests from this page (CORS).',
  modelKeyRefused:
    'The drafting model at {0} refused the key (HTTP {1}); check the key in the drafting model’s settings.',
  modelNotFound: 'Not found at {0} (HTTP 404): check the address and the model’s name “{1}”.',
  modelRateLimited:
    'The drafting model at {0} is busy or the quota is used up (HTTP 429); try again later.',
  modelServerError: 'The drafting model’s server at {0} failed (HTTP {1}); try again later.',
  modelHttpError: 'The drafting model at {0} answered with HTTP {1}.',
  modelTimeout: 'The drafting model at {0} did not answer within {1} seconds.',
  modelCancelled: 'Drafting with the model was cancelled.',
  modelAnswerNotJson: 'The drafting model’s answer is not JSON, so no draft was made.',
  modelAnswerNotSchema:
    'The drafting model’s answer does not have the shape asked for (at {0}), so no draft was made.',
  modelRefused: 'The drafting model declined to draft: {0}',
  modelTruncated:
    'The drafting model’s answer was cut off before it was complete (longer than the model’s limit), so no draft was made.',
  modelNoUnits:
    'None of the drafting model’s units is a passage of the text, so no draft was made.',
  modelNoCentral:
    'The drafting model named no central claim that is a passage of the text, so no draft was made.',
  modelConnected: 'Connected to {0}; the model “{1}” is there.',
  modelConnectedNotListed: 'Connected to {0}, but it does not list the model “{1}”; it lists: {2}.',
  modelDroppedNotInText: 'Not a passage of the text: “{0}”',
  modelDroppedOutside: 'Outside the parts drafted from: “{0}”',
  modelDroppedOverlap: 'Overlaps another unit: “{0}”',
  modelDroppedEmpty: 'An empty unit.',
  modelDroppedDuplicate: 'A second unit with the id {0}: “{1}”',
  modelRepairWhitespace: 'Found in the text with other spacing: “{0}”',
  modelRepairCentralKind:
    'The central claim “{0}” was given as {1}; it is proposed as the conclusion.',
  modelRepairExtraConclusion:
    '“{0}” was given as a conclusion but is not the central claim; it is proposed as a claim.',
  modelRepairKind: '“{0}” had the unknown kind “{1}”; it is proposed as a claim.',
  modelRepairCentralLink: 'The central claim “{0}” pointed to another unit; that link was removed.',
  modelRepairSecondLink: '“{0}” had more than one link of its own; only the first is kept.',
  modelRepairUnknownTarget: 'A link pointed to “{0}”, which is no unit; it was removed.',
  modelRepairRelation: 'A link had the unknown relation “{0}”; it was removed.',
  modelRepairAttached: '“{0}” had no link; it is attached to the central claim.',
  modelRepairAttachedDropped:
    '“{0}” pointed to a dropped unit; it is attached to the central claim instead.',
  modelRepairAttachedCycle:
    '“{0}” closed a circle of links; its link was removed and it is attached to the central claim.',
  // drafting (draft/rules.ts)
  draftSegmentNotFound: 'Segment {0} is not in the text (after the segments before it): “{1}”',
  draftSegmentEmpty: 'Segment {0} is empty.',
  draftNoSource: 'The draft is of source {0}, which the map does not have.',
  draftUnitUncited: 'Unit {0} touches no sentence of its source: “{1}”',
  draftLinkDangling: 'Link {0} of the draft joins a unit or junction the draft does not have.',
  // Web pages in other character sets than UTF-8 (io/decodeText.ts, decodeHtml)
  fileCharsetUnknown:
    'The page says its text is in the character set “{0}”, which cannot be read here. Save the page as UTF-8 and open it again.',
  fileCharsetInvalid:
    'The page says its text is in the character set “{0}”, but it holds bytes that are not valid in it: the file may be damaged, or its declared character set wrong.',
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** A message by key; its arguments are data, or messages themselves (shown in the same language). */
export interface Message {
  key: MessageKey;
  args: MessageArg[];
}

export type MessageArg = string | Message;

/** A message from its key and arguments (numbers as they are written). */
export function say(key: MessageKey, ...args: (MessageArg | number)[]): Message {
  return { key, args: args.map((a) => (typeof a === 'number' ? String(a) : a)) };
}

/** Fills a template's "{0}", "{1}"… with its arguments, each rendered by `show`. */
export function fillTemplate(
  template: string,
  args: readonly MessageArg[],
  show: (message: Message) => string,
): string {
  return template.replace(/\{(\d)\}/g, (_, i: string) => {
    const arg = args[Number(i)];
    return arg === undefined ? '' : typeof arg === 'string' ? arg : show(arg);
  });
}

/** A message in English (the command line's words). */
export function english(message: Message): string {
  return fillTemplate(MESSAGES[message.key], message.args, english);
}

/** Whether a value is a {@link Message} (it may have come through a worker, as plain data). */
export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Message).key === 'string' &&
    Object.hasOwn(MESSAGES, (value as Message).key) &&
    Array.isArray((value as Message).args)
  );
}

/** An error that says why by key: its message is the English; `says` is for the interface. */
export class MessageError extends Error {
  override name = 'MessageError';
  constructor(readonly says: Message) {
    super(english(says));
  }
}
