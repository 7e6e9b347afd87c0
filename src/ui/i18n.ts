/** Interface strings in English and Simplified Chinese. */
import { create } from 'zustand';
import { useUiStore, type UiLanguage } from '../store/uiStore';
import type { NodeKind, Relation } from '../model/schema';
import { KIND_NAMES, RELATION_NAMES } from '../model/words';
import { OPERATION_MESSAGES } from '../model/operations';
import { MESSAGES, showText } from './i18nMessages';
import type { Message } from '../model/messages';

const en = {
  appName: 'Argument map editor',
  library: 'Maps',
  openLibrary: 'Map library',
  newMap: 'New map from text',
  undo: 'Undo',
  redo: 'Redo',
  autoLayout: 'Auto layout',
  relayoutAll: 'Re-layout all',
  layingOut: 'Laying out…',
  addNode: 'Add node',
  search: 'Search nodes and sentences',
  saved: 'Saved',
  saving: 'Saving…',
  notSaved: 'Not saved!',
  loading: 'Opening your maps…',
  noMap: 'No map yet. Create one from a text to start.',
  shortcuts: 'Keyboard shortcuts',
  close: 'Close',
  labels: 'Labels',
  labelSource: 'Original',
  labelEnglish: 'English',
  interfaceLanguage: 'Interface language',
  inspectorEmpty: 'Select a node on the map, or a sentence in the text, to see and edit it here.',
  nodesSelected: 'nodes selected',
  node: 'Node',
  text: 'Text',
  kind: 'Kind',
  english: 'English rendering',
  note: 'Note (Markdown)',
  notePreview: 'Note',
  tags: 'Tags (comma-separated)',
  rating: 'Rating',
  noRating: 'none',
  implicit: 'Implicit premise (not stated in the text)',
  cites: 'Cites',
  noRefs: 'No source sentence.',
  implicitNoRefs: 'An implicit premise: not in the text.',
  removeRef: 'Remove',
  unanchored:
    'Unanchored: its text was not found after the source changed. Select the passage and add it again.',
  edgesIn: 'Incoming',
  edgesOut: 'Outgoing',
  relation: 'Relation',
  edgeNote: 'Note',
  deleteEdge: 'Delete edge',
  deleteNode: 'Delete node',
  createFromSelection: 'Create node',
  addRefFromSelection: 'Add as ref',
  selectionHint: 'Selected text:',
  editSource: 'Correct text',
  saveSource: 'Save text',
  cancel: 'Cancel',
  legend: 'Legend',
  fold: 'Fold premises',
  unfold: 'Unfold',
  focusBranch: 'Focus on branch',
  showAll: 'Show whole map',
  overview: 'Overview',
  overviewHint: 'Show the whole map',
  groupCollapse: 'Collapse group',
  groupExpand: 'Expand group',
  groupRename: 'Rename group',
  ungroup: 'Ungroup',
  groupNodes: 'nodes',
  groupSelection: 'Group',
  groupSelectionHint: 'Make a group of the selected nodes',
  newGroupTitle: 'New group',
  folded: 'folded',
  filterKinds: 'Kinds',
  allTags: 'All tags',
  results: 'results',
  sentence: 'Sentence',
  open: 'Open',
  rename: 'Rename',
  duplicate: 'Duplicate',
  delete: 'Delete',
  confirmDelete: 'Delete this map? This cannot be undone.',
  nodes: 'nodes',
  pasteText: 'Paste the text, or open a file (text, Markdown, PDF, web page, Word)',
  openFile: 'Open file…',
  title: 'Title',
  language: 'Language',
  preview: 'Sentences',
  create: 'Create map',
  emptyText: 'Paste or open a text first.',
  sourcePane: 'Source text',
  untitledSource: 'Untitled source',
  notCited: 'Not cited by any node',
  citedBy: 'Cited by',
  unanchoredList: 'Unanchored refs to repair',
  tour: 'Presentation tour',
  tourEmpty: 'No tour yet: select a node and add it to the tour.',
  moveUp: 'Move up',
  moveDown: 'Move down',
  addToTour: 'Add to tour',
  removeFromTour: 'Remove from tour',
  file: 'File',
  importFiles: 'Import files…',
  selectionOnly: 'Selected nodes only',
  transparent: 'Transparent background',
  printHandout: 'Print handout / PDF…',
  slidesMenu: 'Slides / PDF…',
  slidesTitle: 'Slides',
  slidesOnePer: 'One slide per',
  slidesPerStop: 'stop of a tour',
  slidesPerSection: 'section (an overview of each)',
  slidesPerSectionNone: 'section (this map has none: one overview slide)',
  slidesLanguage: 'Language of the slides’ words',
  slidesCount: '{0} slides, 16:9. In the print dialog choose “Save as PDF”.',
  slidesPrint: 'Print / Save as PDF',
  nativeFile: 'Map file',
  backupAll: 'Back up all maps',
  importUnchanged: 'What had problems was not imported; the maps you already had are unchanged.',
  importReport: 'Import report',
  handoutAppendix: 'The argument, node by node, with the author’s words',
  present: 'Present',
  presentation: 'Presentation',
  previous: 'Previous',
  next: 'Next',
  exitPresentation: 'Exit',
  fullScreen: 'Full screen',
  step: 'Step',
  dropHere: 'Drop files to import them as new maps',
  storageUsed: 'Stored in this browser',
  storagePersisted: 'kept by the browser',
  storageUnknown: 'Storage use unknown.',
  outline: 'Outline',
  outlineToggle: 'Show or hide the outline',
  outlineEmpty: 'No nodes yet. Select text in the source and create a node, or press N.',
  outlineRepeat: 'repeat',
  outlineRepeatHint: 'Also listed above, with its premises',
  outlineEditText: 'Node text',
  conflictOverwritten:
    'Another tab saved this node at the same moment, and its version replaced your change:',
  conflictRestore: 'Restore my version',
  conflictDismiss: 'Keep theirs',
  addReason: '+ reason',
  addReasonHint: 'Add a reason for the selected node (a premise supporting it)',
  addObjection: '+ objection',
  addObjectionHint: 'Add an objection to the selected node (attacking it)',
  addRebuttal: '+ rebuttal',
  addRebuttalHint: 'On an objection: add a rebuttal attacking it',
  relationSupports: 'Supports',
  relationAttacks: 'Attacks',
  relationElaborates: 'Elaborates',
  edgeSupportsHint: 'With an edge selected: make it "supports"',
  edgeAttacksHint: 'With an edge selected: make it "attacks"',
  edgeElaboratesHint: 'With an edge selected: make it "elaborates"',
  addNodeHint: 'Add a node (a premise of the selected node); the caret goes into its text',
  editText: 'Edit the selected node’s text (Esc returns to the node)',
  connect: 'Connect',
  connectHint: 'Connect the two selected nodes (first supports second)',
  deleteHint: 'Delete the selected nodes and edges',
  navigate: 'Move the selection to the nearest node in that direction',
  autoLayoutHint: 'Auto layout (keeps nodes you placed)',
  foldHint: 'Fold / unfold the selected node’s premises',
  searchCommand: 'Search',
  toggleLabelsHint: 'Switch labels between original and English',
  escapeHint: 'Leave the text field (back to the node) / clear the selection',
  outlineKeysMove: 'In the outline: move between rows, unfold / fold, go to child / parent',
  outlineKeysEdit: 'In the outline: edit the node’s text (Enter stores it, Esc cancels)',
  outlineKeysIndent: 'In the outline: move the node under its previous sibling / up a level',
  outlineKeysReorder: 'In the outline: reorder among siblings',
  shortcutsCanvasNote:
    'Single keys act when the focus is on the map or the outline, never while typing.',
  selectTwoNodes: 'Select two nodes: the premise first, then what it supports.',
  selectNodeForRef: 'Select the node that should cite this passage first.',
  selectNodesToGroup: 'Select the nodes to group first.',
  readOnlyRefused: 'This map is a read-only view: copy it into your library to edit it.',
  // Why the model refuses an edit (its own English words, src/model/operations.ts).
  ...OPERATION_MESSAGES,
  // Messages made outside the interface: imports, refused files, opening by address.
  ...MESSAGES,
  exportFailed: 'Export failed:',
  miniMap: 'Mini map',
  fitView: 'Fit view',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  canvas: 'Argument map canvas',
  inspector: 'Inspector',
  sourceText: 'Source text',
  editCommands: 'Edit',
  readOnly: 'Read-only',
  edge: 'Edge',
  edgeFrom: 'From',
  edgeTo: 'To',
  proposedKind: 'Kind of the new node',
  quickBuild: 'Add to this node',
  citedByNodes: 'Cited by:',
  somethingWrong: 'Something went wrong here:',
  mapIsSafe: 'Your map is safe; it is saved as you edit.',
  tryAgain: 'Try again',
  ok: 'OK',
  tag: 'Tag',
  controls: 'Zoom and view',
  interactivity: 'Lock or unlock editing on the canvas',
  nodeA11y:
    'Press Enter or Space to select a node, Delete to remove it, Esc to cancel. S adds a reason, A an objection.',
  edgeA11y:
    'Press Enter or Space to select an edge; then S, A or E changes its relation and Delete removes it.',
  handle: 'Connection point',
  tourStep: 'step',
  renameMap: 'Rename this map',
  newMapShort: 'New map',
  edges: 'Edges',
  pngTooLarge:
    'The map is too large for a {0}× PNG; it was exported at {1}×. Export a selection for a sharper image.',
  importing: 'Importing…',
  // Tours and schemes
  tours: 'Tours',
  chooseTour: 'Tour',
  tourTitle: 'Title of the tour',
  untitledTour: 'Untitled tour',
  defaultTourMark: '(default)',
  makeDefaultTour: 'Make default',
  makeDefaultTourHint: 'Presentation starts with the default tour',
  duplicateTour: 'Duplicate',
  tourCopy: '{0} (copy)',
  deleteTour: 'Delete tour',
  tourDeleted: 'Deleted the tour “{0}”.',
  newTour: 'New tour',
  newTourTitle: 'Title of the new tour',
  newTourFrom: 'Stops',
  tourFromEmpty: 'None yet',
  tourFromSelection: 'The selected nodes',
  tourFromOutline: 'Every node, in outline order',
  createTour: 'Create tour',
  tourStops: 'Stops',
  tourStopsHint: 'Alt+↑/↓ moves the focused stop, Delete removes it.',
  addSelectedToTour: 'Add the selected nodes',
  scheme: 'Scheme',
  schemeNone: 'None',
  schemeNotInCatalog: '{0} (imported, not in the catalog)',
  criticalQuestions: 'Critical questions',
  noCriticalQuestions: 'No critical questions are known for this scheme.',
  toObjection: '→ objection',
  toUndercut: '→ undercut',
  toObjectionHint: 'Turn question {0} into an objection to the conclusion',
  toUndercutHint: 'Turn question {0} into an undercut: an attack on the inference itself',
  schemes: 'Schemes',
  // Presentation: the slide stage and the presenter window (#13).
  presentWhat: 'Present:',
  presentTour: '{0} ({1} stops)',
  presentBySection: 'By section: one overview slide per section',
  presentationStartHint:
    'Press → or Space to begin; G lists the slides, P opens the presenter window.',
  sectionOverview: 'Section overview',
  pageNumber: 'p. {0}',
  slideConnections: 'How it connects',
  slideList: 'Slides',
  slideCount: '{0} / {1}',
  slideAnnounce: 'Slide {0} of {1}: {2}',
  presentationProgress: 'Progress',
  presenterWindow: 'Presenter',
  presenterView: 'Presenter view',
  presenterBlocked: 'The browser blocked the presenter window: allow pop-ups for this page.',
  elapsed: 'Elapsed',
  resetTimer: 'Reset',
  currentSlide: 'Now showing',
  speakerNotes: 'Speaker notes',
  noSpeakerNotes: 'No notes for this slide.',
  nextSlide: 'Next slide',
  endOfPresentation: 'End of the presentation',
  authorsWords: 'The author’s words',
  // Comparing maps
  compareMenu: 'Compare with reference…',
  compareChoose: 'Choose the reference map',
  compareChooseHint:
    'The open map (a student’s) is checked against the reference: the teacher’s map of the same text. Choose a map of the library, or a map file (it is read, not stored).',
  compareNoOther:
    'There is no other map in the library. Import the reference map first, or choose its file.',
  compareFromFile: 'Choose a file…',
  compareNotFound: 'That map is no longer in the library.',
  compareDamaged: 'That stored map is damaged and cannot be the reference:',
  compareBadFile: 'This file cannot be the reference:',
  compareBackupFile:
    'This is a backup of several maps. Import it (File → Import), then choose the reference from the library.',
  compareTitle: 'Compared with a reference',
  compareReference: 'Reference:',
  compareChange: 'Choose another…',
  compareNotSaved:
    'The marks and your verdicts last for this session only: they are not saved with the map. Download or print the feedback sheet to keep them.',
  compareSameMap: 'The open map is the reference itself. Open the student’s map to compare it.',
  compareOtherText:
    'The reference map is made from another text. Comparing needs two maps of the same source text: points are matched by the passages they cite.',
  compareByWording: 'Compare by wording anyway',
  comparePartlyOtherText:
    '{0} source(s) of this map are not the same text as the reference’s: their points are matched by wording only.',
  compareStopped:
    'The maps cite the same passages too often: matching stopped early, so some points may be reported missing or extra.',
  compareResult: 'Result',
  compareRecall: 'Recall',
  comparePrecision: 'Precision',
  comparePoints: 'Points found',
  compareRelations: 'Relations that agree',
  compareSpans: 'Exact spans',
  compareOverridden: 'Your verdicts changed {0} mark(s); the scores count them.',
  compareLegend:
    'Marks: ✓ found or agrees · + extra · ⇄ reversed · ≠ other relation · ✗ marked wrong. Green counts as right.',
  compareSelected: 'Selected on the map',
  compareMissing: 'Missing points',
  compareExtra: 'Extra points',
  compareReversed: 'Relations reversed (support ↔ attack)',
  compareDiffers: 'Relations of another kind or direction',
  compareRelMissing: 'Missing relations',
  compareRelExtra: 'Extra relations',
  compareFound: 'Points found',
  compareAgree: 'Relations that agree',
  compareNone: 'None.',
  compareShow: 'Show on the map',
  compareShiftedMark: 'Found, citing another span',
  compareKindDiffers: 'The reference has it as',
  compareReferenceHas: 'The reference has',
  compareVerdict: 'Your verdict',
  compareRight: 'Right',
  compareWrong: 'Wrong',
  compareShowSentence: 'Show the sentence in the text',
  compareDownload: 'Feedback sheet (Markdown)',
  comparePrint: 'Print feedback sheet (PDF)',
  compareMark_found: 'Found in the reference',
  compareMark_extra: 'Not in the reference',
  compareMark_agree: 'Agrees with the reference',
  compareMark_reversed: 'Reversed (support ↔ attack)',
  compareMark_differs: 'Another relation or direction',
  compareMark_withExtraPoint: 'Touches an extra point (not counted)',
  compareAcceptedByYou: 'accepted by you',
  compareRejectedByYou: 'marked wrong by you',
  // Document sources: new map from a file, adding a source, source tabs (sources14)
  newMapFromFile: 'New map from a file…',
  newMapFromFileTitle: 'New map from a file',
  addSource: 'Add a source…',
  takeHeadingsAsGroups: 'Take the {0} headings as groups',
  readingFile: 'Reading {0}…',
  pasteInstead: 'Paste a text instead',
  previewFile: 'From the file {0}',
  previewMore: '… and {0} more paragraphs',
  sourceTabs: 'Sources',
  // Adding a source through the preview; AIF with its text in the new-map flow (addsrc14)
  addSourceTitle: 'Add a source',
  addToMap: 'Add to this map',
  previewFiles: 'From the files {0} and {1}',
  pickOneOrPair: 'Pick one file, or an AIF file (.json) together with its text (.txt).',
  aifAnchoredCount: '{0} of {1} statements found in the text.',
  aifNotAnchored:
    'Not found in the text ({0}): they come in as implicit statements, tagged for repair.',
  // Drafting in the editor: a draft under review (draftui15, issue 15)
  draftSource: 'Draft the uncited parts',
  draftSourceHint: 'Draft a map from the parts of the shown source that no node cites',
  draftNewMap: 'Draft the map for me (proposals to review)',
  draftReview: 'Draft under review',
  draftOpen: '{0} proposals',
  draftAccept: 'Accept',
  draftReject: 'Reject',
  draftAcceptAll: 'Accept all',
  draftRejectAll: 'Reject all',
  draftKeys: 'Enter accepts, Delete rejects, ↑ ↓ move, P goes to the next proposal.',
  draftProposal: 'Proposal',
  draftCue: 'Cue',
  draftBy_rules: 'Offline drafter',
  draftBy_model: 'Language model',
  draftTook: 'drafted in {0} ms',
  nextProposal: 'Next proposal',
  nextProposalHint: 'Go to the next proposal of the draft under review',
  draftNothingUncited:
    'Every part of this source is cited already: there is nothing left to draft.',
  draftNothingFound: 'The drafter found nothing to propose in this text.',
  draftDrafting: 'Drafting…',
  draftCue_position: 'position',
  draftCue_enumeration: 'enumeration',
  draftCue_reason: 'reason',
  draftCue_conclusion: 'conclusion',
  draftCue_contrast: 'contrast',
  draftCue_concession: 'concession',
  draftCue_example: 'example',
  draftCue_addition: 'addition',
  draftCue_recommendation: 'recommendation',
  draftCue_question: 'question',
  draftCue_model: 'model',
  draftCue_default: 'by position',
  // Model draft: the optional drafting model's settings and report (model15, issue 15)
  modelMenu: 'Drafting model…',
  modelTitle: 'Drafting model',
  modelIntro:
    'Optional: a language model you have access to (an OpenAI-compatible chat API, for example a server on this computer) can propose the draft instead of the offline drafter.',
  modelDefaultNote:
    'The offline drafter stays the default (File › Draft the uncited parts) and sends nothing anywhere. Only “Draft with the model” sends the shown source’s text, with the key, to the address below, and to nothing else. These settings and the key are kept in this browser only.',
  modelEndpoint: 'Address (the API’s base URL)',
  modelEndpointPlaceholder: 'http://localhost:8080/v1',
  modelName: 'Model',
  modelNamePlaceholder: 'the model’s name on that server',
  modelKey: 'Key (optional; hidden)',
  modelForgetKey: 'Forget key',
  modelKeyForgotten: 'The key is forgotten.',
  modelSave: 'Save',
  modelSaved: 'Saved in this browser.',
  modelTest: 'Test connection',
  modelTesting: 'Testing the connection…',
  modelDraftButton: 'Draft with the model',
  modelDraftHint: 'Draft the uncited parts of the shown source with this model, for review',
  modelDrafting: 'Asking the model… (this can take a minute)',
  modelCancel: 'Cancel',
  modelNoSource: 'Open a map with a source to draft it with the model.',
  modelReportTitle: 'Model draft',
  modelReportSummary: '{0} units proposed; {1} dropped; {2} repairs.',
  modelReportDropped: 'Dropped (not proposed)',
  modelReportRepaired: 'Repaired',
  // Draft review: folding the list away (issue 15)
  draftListHide: 'Hide the list',
  draftListShow: 'Show the list',
  // Shared maps: what a commenter may not do (store/mapStore.ts)
  commentOnlyRefused: 'You can comment on this shared map, not change it.',
  // Comments and sharing (#16, src/ui/comments, src/ui/sharing)
  comments: 'Comments',
  noCommentsYet: 'No comments yet.',
  noCommentsHere: 'No comments in this list.',
  addComment: 'Add a comment',
  commentSubmit: 'Comment',
  commentThreadBy: 'Comment by',
  commentResolved: 'Resolved',
  commentShowTarget: 'Show on the map',
  commentReply: 'Reply',
  commentReplyTo: 'Reply to',
  commentResolve: 'Resolve',
  commentReopen: 'Reopen',
  commentEdit: 'Edit',
  commentSave: 'Save',
  commentDelete: 'Delete',
  commentEmpty: 'Write something to comment.',
  authorName: 'Your name (shown with your comments)',
  authorNameNeeded: 'Please give your name: it is shown with your comments.',
  commentList: 'Comments',
  commentListHint: 'Show or hide the list of every comment',
  commentFilter: 'Which comments',
  commentFilterOpen: 'Open',
  commentFilterResolved: 'Resolved',
  commentFilterAll: 'All',
  openComments: '{0} open comment threads',
  printHandoutComments: 'Print handout with comments…',
  shareMenu: 'Share…',
  shareTitle: 'Share this map',
  shareUnavailable: 'Sharing is not available in this editor yet.',
  shareIntro:
    'Sharing puts this map on a sync server, so the people you give a link to can open it, live. You own it and decide who may edit, comment or only view.',
  shareServer: 'Sync server address',
  shareServerInvalid: 'The address must start with ws:// or wss://, e.g. ws://127.0.0.1:1234.',
  shareButton: 'Share',
  shareWorking: 'Working…',
  shareProblem: 'Sharing problem:',
  shareSharedAs: 'This map is shared; your role: {0}. Server:',
  shareLinks: 'Links',
  shareExpiry: 'expires after',
  shareExpiryDay: '1 day',
  shareExpiryWeek: '1 week',
  shareExpiryMonth: '30 days',
  shareExpiryTerm: '120 days (a term)',
  shareMakeLink: 'Make link',
  shareNewLink: 'New link',
  shareLinkFor: 'Link for',
  shareCopy: 'Copy',
  shareCopied: 'Copied',
  shareCopyFailed: 'The link could not be copied: select it and copy it yourself.',
  shareRevoke: 'Revoke all links',
  shareRevokeConfirm:
    'Every link made so far stops working, and people using them are disconnected. Make new links for those who should keep access.',
  shareStop: 'Stop sharing',
  shareSaveCopy: 'Save a copy',
  roleOwner: 'Owner',
  roleEditor: 'Editor',
  roleCommenter: 'Commenter',
  roleViewer: 'Viewer',
  shareStateConnecting: 'connecting…',
  shareStateOnline: 'online',
  shareStateOffline: 'offline',
  shareStateRefused: 'link refused',
  shareWaiting: '{0} edits waiting',
  sharePeers: 'Also here',
  shareAnonymous: 'Someone',
} as const;

export type MessageKey = keyof typeof en;

const kindNames = KIND_NAMES;
const relationNames = RELATION_NAMES;

/** The interface's languages loaded so far: English always; Chinese once chosen. */
const dictionaries: Partial<Record<UiLanguage, Readonly<Record<MessageKey, string>>>> = { en };

/** Which languages have loaded, so the interface shows a language once it has it. */
const useLoaded = create<{ zh: boolean }>()(() => ({ zh: false }));

/**
 * Loads a language's messages (Chinese is a chunk of its own, ~10 KB gzipped, that the page does
 * not carry until someone chooses it). Called before the first render for the saved language;
 * choosing a language loads it too.
 */
export async function loadLanguage(language: UiLanguage): Promise<void> {
  if (dictionaries[language]) return;
  const { zh } = await import('./i18nZh');
  dictionaries.zh = zh;
  useLoaded.setState({ zh: true });
}
useUiStore.subscribe((state, previous) => {
  if (state.language !== previous.language) void loadLanguage(state.language);
});

export interface Translator {
  (key: MessageKey): string;
  kind(kind: NodeKind): string;
  relation(relation: Relation): string;
  language: UiLanguage;
}

/** Every message of a language, by key. */
export function messagesFor(language: UiLanguage): Readonly<Record<MessageKey, string>> {
  return dictionaries[language] ?? en;
}

/** Whether `text` is a message key (refusals are stored as keys, shown in the UI's language). */
export function isMessageKey(text: string): text is MessageKey {
  return Object.hasOwn(en, text);
}

/**
 * A message stored outside the UI (the store's `error`): a {@link Message}, a key, or a key and
 * its arguments as "key|arg0|arg1" (filling "{0}", "{1}"), shown in the interface's language;
 * anything else (an operation's own words) as it is.
 */
export function showMessage(t: Translator, message: string | Message): string {
  if (typeof message !== 'string') return showText(t, message);
  const [key, ...args] = message.split('|');
  if (!key || !isMessageKey(key)) return message;
  return t(key).replace(/\{(\d)\}/g, (_, i: string) => args[Number(i)] ?? '');
}

export function translator(language: UiLanguage): Translator {
  // Until a language has loaded (a moment after it is chosen), its words are the English ones.
  const t = ((key: MessageKey) => (dictionaries[language] ?? en)[key]) as Translator;
  t.kind = (kind) => kindNames[language][kind];
  t.relation = (relation) => relationNames[language][relation];
  t.language = language;
  return t;
}

const cache = { en: translator('en'), zh: translator('zh') };

/** The translator for the current interface language. */
export function useT(): Translator {
  const language = useUiStore((s) => s.language);
  const loaded = useLoaded((s) => s.zh);
  return language === 'zh' && !loaded ? cache.en : cache[language];
}
