/**
 * The argument-map command line: `npm run argmap -- <command>`.
 *
 *   validate <file>                       check a .argmap.json file against the contract
 *   export <file> --format <f> [options]  svg | png | pdf | md | argdown | aif | json
 *   import <file> [--out file]            native, AIF, Argdown or plain text → .argmap.json
 *   stats <file>                          counts of nodes, edges, sentences and citations
 *   layout <file> [--out file] [--lang l] lay every node out anew; report how readable it is
 *   compare <reference> <student>         a student's map checked against the reference
 *   draft <file> [--segments j] [--out f]  a first map of a text, from its discourse cues
 *
 * Exit codes: 0 success, 1 invalid input (problems on stderr), 2 usage error. User errors never
 * print a stack trace. `run(argv, io)` is the whole program, so tests drive it without a process.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { ArgMap } from '../model/schema';
import { describeProblem, type Problem } from '../model/problem';
import { parseMapText, serializeMap } from '../io/mapFile';
import { estimateSvgNodeSize, exportSvg, type SvgExportOptions } from '../io/exportSvg';
import { exportMarkdown } from '../io/exportMarkdown';
import { exportArgdown } from '../io/exportArgdown';
import { exportAif } from '../io/exportAif';
import { importWithRegistry, withOfferedGroups } from '../io/registry';
import { english, MessageError } from '../model/messages';
import { checkText, decodeText, fileTooLarge } from '../io/decodeText';
import { INPUT_LIMITS } from '../io/inputLimits';
import { layoutMap } from '../layout/layout';
import { nodeSizes } from '../layout/nodeSize';
import { routeEdges } from '../layout/route';
import { measureDrawing } from '../layout/metrics';
import { moveNodes } from '../model/operations';
import { createElk } from '../layout/elkInProcess';
import { rasterize } from './rasterize';
import { exportPdf } from './exportPdf';
import { exportSlidesPdf, MissingFontError } from './exportSlidesPdf';
import { exportSlidesSvg } from '../io/exportSlidesSvg';
import type { SlidesBy, SlidesOptions } from '../io/slides';
import { wordsLanguage } from '../model/words';
import { mapStats } from './mapStats';
import { safeLines } from './terminalText';
import { writeFileAtomic } from './atomicWrite';
import { argdownLosses, aifLosses } from '../io/formatLosses';
import { MAP_LIMITS, mapLimitProblems } from '../model/limits';
import { compareCommandOutput, compareOptionProblem } from './compareCommand';
import { draftText } from '../draft/rules';
import { draftAsMap } from '../draft/toMap';
import type { MapDraft } from '../draft/types';
import { validateMap } from '../model/validate';

export interface CliIo {
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
  /** A file's bytes (decoded and checked here), or its text. */
  readFile: (path: string) => Promise<string | Uint8Array>;
  /** A file's size in bytes, so that a file too large is refused without reading it. */
  fileSize?: (path: string) => Promise<number>;
  writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
  /** Makes a folder (and those above it) unless it exists. */
  makeDir: (path: string) => Promise<void>;
  exists: (path: string) => boolean;
}

export const USAGE = `Usage: npm run argmap -- <command> [options]

Commands:
  validate <file>             Check an .argmap.json file; list its problems.
  export <file> --format <f>  Export a map. Formats: svg, png, pdf, md, argdown, aif, json,
                              slides (a 16:9 PDF deck with real text), slides-svg (a folder
                              of SVG slides: --out names the folder).
      --out <file>            Write to a file (default: standard output).
      --by <tour|section>     Slides: one per stop of a tour, or one per section (default:
                              tour when the map has one).
      --tour <id>             Slides: which tour (default: the first with stops).
      --scale <n>             PNG/PDF pixels per unit: a number from 1 to 4 (default 2).
      --lang <tag>            Label language, e.g. en (node translations) (svg, png, pdf, md);
                              for slides, the language of their words (en or zh).
      --nodes <id,id,...>     Export only these nodes (svg, png, pdf).
      --transparent           PNG with a transparent background (default white).
                              Argdown and AIF exports list on stderr what the format cannot hold.
  import <file>               Convert native, AIF (OVA3/AIFdb/xAIF), Argdown, plain text or a
                              document (Markdown; PDF, web page, Word where available)
      --out <file>            into an .argmap.json document (default: standard output).
      --lang <tag>            Language of an imported text (guessed when absent).
      --title <text>          Title of the new map.
  stats <file>                Counts of nodes, edges, sentences and citations.
  layout <file>               Lay every node out anew (sections framed, compact, edges routed
      --out <file>            round the boxes) and report its size and median edge length.
      --lang <tag>            Size the boxes for this label language (default: the node text).
  compare <reference> <student>
                              Check a student's map against the reference map of the same text:
                              points found, missing, extra; relations agree, reversed, missing.
      --format <f>            md (a feedback sheet, the default) or json.
      --lang <l>              Language of the feedback sheet: en (default) or zh.
      --out <file>            Write to a file (default: standard output).
  draft <file>                A first map of a text (any file import reads), proposed offline
                              from its discourse cues: units, the central claim (kind
                              conclusion), support and attack links, one tree.
      --lang <tag>            Language of the text: en or zh-Hans (guessed when absent).
      --segments <json>       A JSON file: an array of strings that occur, in order, in the
                              text; the draft then has exactly one node per string.
      --out <file>            Write to a file (default: standard output).
  --help                      This help.

Exit codes: 0 success, 1 invalid input, 2 usage error. Output files are written atomically
(a temporary file, then a rename), so a failed write leaves the previous file as it was.
`;

const FORMATS = [
  'svg',
  'png',
  'pdf',
  'md',
  'argdown',
  'aif',
  'json',
  'slides',
  'slides-svg',
] as const;
type Format = (typeof FORMATS)[number];
const VALUE_OPTIONS = new Set([
  '--format',
  '--out',
  '--scale',
  '--lang',
  '--nodes',
  '--title',
  '--by',
  '--tour',
  '--segments',
]);
const FLAG_OPTIONS = new Set(['--transparent', '--help', '-h']);
const COMMANDS = ['validate', 'export', 'import', 'stats', 'layout', 'compare', 'draft'] as const;
type Command = (typeof COMMANDS)[number];
/** The options each command takes (besides --help). */
const COMMAND_OPTIONS: Record<Command, readonly string[]> = {
  validate: [],
  stats: [],
  export: ['--format', '--out', '--scale', '--lang', '--nodes', '--transparent', '--by', '--tour'],
  import: ['--out', '--lang', '--title'],
  layout: ['--out', '--lang'],
  compare: ['--format', '--lang', '--out'],
  draft: ['--lang', '--segments', '--out'],
};
/** A BCP 47 language tag, as far as the editor uses them: `en`, `zh-Hans`, `pt-BR`. */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

class UsageError extends Error {}
class InputError extends Error {
  constructor(
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}

function parseArgs(argv: readonly string[]) {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    if (VALUE_OPTIONS.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value.`);
      options.set(name, value);
    } else if (FLAG_OPTIONS.has(name)) {
      options.set(name, 'true');
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`Unknown option ${arg}.`);
    } else {
      positional.push(arg);
    }
  }
  return { positional, options };
}

/** A file's contents as the I/O gives them, its size checked before it is read. */
async function readRaw(io: CliIo, file: string, refusal: string): Promise<string | Uint8Array> {
  try {
    const size = await io.fileSize?.(file);
    if (size !== undefined && size > INPUT_LIMITS.bytes) {
      throw new InputError(refusal, [fileTooLarge(size)]);
    }
    return await io.readFile(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT'
        ? `${file}: no such file.`
        : code === 'EISDIR'
          ? `${file}: is a folder, not a file.`
          : `${file}: cannot be read (${code ?? (error as Error).message}).`,
    );
  }
}

/** A file's text; `refusal` heads the problems when it is not text (binary, empty, too large). */
async function readInput(io: CliIo, file: string, refusal: string): Promise<string> {
  const data = await readRaw(io, file, refusal);
  const text = typeof data === 'string' ? checkText(data) : decodeText(data);
  if (!text.ok) throw new InputError(refusal, text.problems);
  return text.text;
}

async function loadMap(io: CliIo, file: string): Promise<ArgMap> {
  const refusal = `${file} is not a valid argument map:`;
  const result = parseMapText(await readInput(io, file, refusal));
  if (!result.ok) throw new InputError(refusal, result.problems);
  // The editor's map limits as well: what validates here, the editor imports.
  const over = mapLimitProblems(result.map);
  if (over.length) throw new InputError(refusal, over);
  return result.map;
}

/** Stored positions, or ELK's layout when the map has none. */
async function positionsFor(map: ArgMap, options: SvgExportOptions) {
  if (map.nodes.some((n) => n.position)) return undefined;
  const sizes = Object.fromEntries(
    map.nodes.map((n) => [n.id, estimateSvgNodeSize(n, options.language)]),
  );
  return layoutMap(createElk(), map, { sizes });
}

/** The map with every node laid out anew, and a line on how readable the drawing is. */
async function relayout(map: ArgMap, language?: string): Promise<{ map: ArgMap; report: string }> {
  const sizes = nodeSizes(map.nodes, language);
  const positions = await layoutMap(createElk(), map, { sizes });
  const laid = moveNodes(map, positions);
  const boxes = new Map(laid.nodes.map((n) => [n.id, { ...n.position!, ...sizes[n.id]! }]));
  const routes = routeEdges(boxes, laid.edges);
  const m = measureDrawing(
    boxes,
    laid.edges.map((e) => ({ ...e, points: routes[e.id] ?? [] })),
  );
  const report =
    `laid out ${map.nodes.length} nodes: ${Math.round(m.width)} × ${Math.round(m.height)} px ` +
    `(${(m.width / Math.max(1, m.height)).toFixed(2)} : 1), median edge ${m.medianEdgeLength} node widths, ` +
    `${m.edgeCrossings.length} edges through a box, ${m.overlaps.length} overlaps.\n`;
  return { map: laid, report };
}

async function exportCommand(
  io: CliIo,
  file: string,
  options: Map<string, string>,
): Promise<string | Uint8Array | string[]> {
  // checkOptions has checked the format and the scale.
  const format = options.get('--format') as Format;
  const scale = Number(options.get('--scale') ?? 2);
  const map = await loadMap(io, file);
  const language = options.get('--lang');
  const nodeIds = options
    .get('--nodes')
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (nodeIds) {
    const unknown = nodeIds.filter((id) => !map.nodes.some((n) => n.id === id));
    if (unknown.length)
      throw new InputError(`--nodes names node(s) not in the map: ${unknown.join(', ')}.`);
  }
  const svgOptions: SvgExportOptions = {
    ...(language ? { language } : {}),
    ...(nodeIds ? { nodeIds } : {}),
  };
  const positions = ['svg', 'png', 'pdf'].includes(format)
    ? await positionsFor(map, svgOptions)
    : undefined;
  if (positions) svgOptions.positions = positions;
  switch (format as Format) {
    case 'svg':
      return exportSvg(map, svgOptions);
    case 'png': {
      const transparent = options.has('--transparent');
      const svg = exportSvg(map, {
        ...svgOptions,
        background: transparent ? 'transparent' : 'white',
      });
      const raster = rasterize(svg, { scale });
      if (raster.scale < scale) {
        io.stderr(
          safeLines(
            `note: scale reduced from ${scale} to ${raster.scale} to stay under 64 megapixels.`,
          ),
        );
      }
      return raster.png;
    }
    case 'pdf':
      return exportPdf(map, { ...svgOptions, scale });
    case 'md':
      return exportMarkdown(map, language ? { language } : {});
    case 'argdown':
      io.stderr(safeLines(...argdownLosses(map).map((line) => `note: ${line}`)));
      return exportArgdown(map);
    case 'aif':
      io.stderr(safeLines(...aifLosses(map).map((line) => `note: ${line}`)));
      return `${JSON.stringify(exportAif(map), null, 2)}\n`;
    case 'json':
      return serializeMap(map);
    case 'slides':
      return exportSlidesPdf(map, slidesOptions(map, options));
    case 'slides-svg':
      return exportSlidesSvg(map, slidesOptions(map, options));
  }
}

/** The deck a slides export asks for; a tour that is not in the map is an input error. */
function slidesOptions(map: ArgMap, options: Map<string, string>): SlidesOptions {
  const tourId = options.get('--tour');
  if (tourId !== undefined && !map.tours.some((t) => t.id === tourId))
    throw new InputError(
      `--tour: the map has no tour "${tourId}"; its tours are ${map.tours.map((t) => t.id).join(', ') || 'none'}.`,
    );
  const by = options.get('--by') as SlidesBy | undefined;
  return {
    lang: wordsLanguage(options.get('--lang')),
    ...(by ? { by } : {}),
    ...(tourId !== undefined ? { tourId } : {}),
  };
}

/**
 * Imports through the importer registry (the editor's): native or AIF JSON, Argdown, plain text,
 * or a document (Markdown, and PDF, web page or Word once their readers are wired), by content
 * first and name second. A document's headings are taken as groups.
 */
async function importCommand(
  io: CliIo,
  file: string,
  options: Map<string, string>,
): Promise<{ map: ArgMap; report: string[] }> {
  const refusal = `${file} could not be imported:`;
  const bytes = await readBytes(io, file, refusal);
  const common = {
    ...(options.has('--lang') ? { language: options.get('--lang')! } : {}),
    ...(options.has('--title') ? { title: options.get('--title')! } : {}),
  };
  const txt = file.replace(/\.json$/i, '.txt');
  const sidecar =
    txt !== file && io.exists(txt)
      ? await readBytes(io, txt, `${txt} (the text beside ${file}) could not be read:`)
      : undefined;
  const result = await importWithRegistry({
    file: { name: file, bytes },
    ...(sidecar !== undefined ? { sidecar: { name: txt, bytes: sidecar } } : {}),
    options: common,
  });
  if (result.kind === 'refused') throw new InputError(refusal, result.problems);
  if (result.kind === 'backup')
    throw new InputError(`${file} is a backup of ${result.maps.length} map(s), not one map.`);
  const report = result.notes.map(english);
  if (result.format === 'aif' && sidecar !== undefined)
    report.push(`Source text read from ${txt}.`);
  const groups = result.offeredGroups ?? [];
  if (groups.length) report.push(`${groups.length} heading(s) taken as groups.`);
  return { map: withOfferedGroups(result.map, groups), report };
}

/**
 * A first map of a file's text from the offline drafter: the file is imported as `import` does
 * (through the importer registry), and the draft of its first source replaces any nodes it had.
 */
async function draftCommand(
  io: CliIo,
  file: string,
  options: Map<string, string>,
): Promise<{ map: ArgMap; report: string[] }> {
  const segmentsFile = options.get('--segments');
  // The segments are read first, so that a bad segments file is refused before any work.
  const segments = segmentsFile === undefined ? undefined : await readSegments(io, segmentsFile);
  const { map: imported, report } = await importCommand(io, file, options);
  const source = imported.sources[0]!;
  if (imported.nodes.length)
    report.push(
      `The map's own ${imported.nodes.length} node(s) are left out: the draft replaces them.`,
    );
  // Groups, tours and comments belong to the nodes left out.
  const { groups: _groups, comments: _comments, ...frame } = imported;
  const bare: ArgMap = { ...frame, sources: [source], nodes: [], edges: [], tours: [] };
  let draft: MapDraft;
  try {
    draft = draftText({
      sourceId: source.id,
      text: source.text,
      language: options.get('--lang') ?? source.language,
      ...(segments ? { segments } : {}),
    });
  } catch (error) {
    if (error instanceof MessageError)
      throw new InputError(`${file} could not be drafted: ${error.message}`);
    throw error;
  }
  const checked = validateMap(draftAsMap(bare, draft));
  if (!checked.ok)
    throw new InputError(`The draft of ${file} is not a valid map:`, checked.problems);
  const central = draft.units.find((u) => u.id === draft.central);
  report.push(
    `Drafted ${draft.units.length} unit(s), ${draft.links.length} link(s), ${draft.junctions.length} junction(s) (${draft.language})` +
      (central
        ? `; central claim: “${central.text.length > 80 ? `${central.text.slice(0, 79)}…` : central.text}”.`
        : '.'),
  );
  return { map: checked.map, report };
}

/** The `--segments` file: a JSON array of one or more non-empty strings. */
async function readSegments(io: CliIo, file: string): Promise<string[]> {
  const refusal = `--segments: ${file} is not a JSON array of strings:`;
  const text = await readInput(io, file, refusal);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(`--segments: ${file} is not valid JSON (${(error as Error).message}).`);
  }
  if (!Array.isArray(value) || !value.every((s) => typeof s === 'string'))
    throw new InputError(`--segments: ${file} must hold a JSON array of strings.`);
  if (!value.length) throw new InputError(`--segments: ${file} holds no segments.`);
  const empty = value.findIndex((s: string) => !s.trim());
  if (empty >= 0) throw new InputError(`--segments: segment ${empty + 1} of ${file} is empty.`);
  return value as string[];
}

/** A file's bytes, its size checked before it is read (a text given as a string, as UTF-8). */
async function readBytes(io: CliIo, file: string, refusal: string): Promise<Uint8Array> {
  const data = await readRaw(io, file, refusal);
  if (typeof data !== 'string') return data;
  const checked = checkText(data);
  if (!checked.ok) throw new InputError(refusal, checked.problems);
  return new TextEncoder().encode(data);
}

async function output(
  io: CliIo,
  options: Map<string, string>,
  data: string | Uint8Array | string[],
) {
  const out = options.get('--out');
  if (Array.isArray(data)) {
    // A folder of slides (checkOptions made sure --out names it).
    const digits = String(data.length).length;
    try {
      await io.makeDir(out!);
      for (const [i, svg] of data.entries())
        await io.writeFile(`${out}/slide-${String(i + 1).padStart(digits, '0')}.svg`, svg);
    } catch (error) {
      throw new InputError(
        `${out}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      );
    }
    io.stderr(safeLines(`note: ${data.length} slides written to ${out}.`));
    return;
  }
  if (!out) return io.stdout(data);
  try {
    await io.writeFile(out, data);
  } catch (error) {
    throw new InputError(
      `${out}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
    );
  }
}

/** Every option given is one the command takes, with a value it allows; else a usage error. */
function checkOptions(command: Command, options: Map<string, string>) {
  const allowed = COMMAND_OPTIONS[command];
  for (const name of options.keys()) {
    if (!allowed.includes(name))
      throw new UsageError(
        `${command} does not take ${name}; ${allowed.length ? `its options are ${allowed.join(', ')}` : 'it takes no options'}.`,
      );
  }
  const compareProblem = command === 'compare' ? compareOptionProblem(options) : undefined;
  if (compareProblem) throw new UsageError(compareProblem);
  const format = options.get('--format');
  if (command === 'export' && format === undefined)
    throw new UsageError(`export needs --format (${FORMATS.join(', ')}).`);
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`Unknown format "${format}"; use one of ${FORMATS.join(', ')}.`);
  const scale = options.get('--scale');
  if (scale !== undefined) {
    const n = Number(scale);
    if (!/^\d+(\.\d+)?$/.test(scale) || !(n >= 1 && n <= 4))
      throw new UsageError(`--scale must be a number from 1 to 4, such as 2 (got "${scale}").`);
    if (format !== 'png' && format !== 'pdf')
      throw new UsageError('--scale applies to the png and pdf formats only.');
  }
  if (options.has('--transparent') && format !== 'png')
    throw new UsageError('--transparent applies to the png format only.');
  const slides = format === 'slides' || format === 'slides-svg';
  for (const name of ['--by', '--tour'])
    if (options.has(name) && !slides)
      throw new UsageError(`${name} applies to the slides and slides-svg formats only.`);
  const by = options.get('--by');
  if (by !== undefined && by !== 'tour' && by !== 'section')
    throw new UsageError(`--by must be tour or section (got "${by}").`);
  if (format === 'slides-svg' && !options.get('--out'))
    throw new UsageError('slides-svg writes a folder of SVG files: name it with --out <folder>.');
  const lang = options.get('--lang');
  if (lang !== undefined && !LANGUAGE_TAG.test(lang))
    throw new UsageError(
      `--lang must be a language tag such as en, zh-Hans or pt-BR (got "${lang}").`,
    );
  const out = options.get('--out');
  if (out !== undefined && !out.trim()) throw new UsageError('--out needs a file name.');
  const title = options.get('--title');
  if (title !== undefined && (!title.trim() || title.length > MAP_LIMITS.stringChars))
    throw new UsageError(
      `--title must be a text of 1 to ${MAP_LIMITS.stringChars.toLocaleString('en-US')} characters.`,
    );
  const nodes = options.get('--nodes');
  if (nodes !== undefined && !nodes.split(',').some((id) => id.trim()))
    throw new UsageError('--nodes needs node ids separated by commas, such as n1,n2.');
}

/** Runs the command line; resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  try {
    const { positional, options } = parseArgs(argv);
    const [command, file, ...extra] = positional;
    const student = command === 'compare' ? extra.shift() : undefined;
    if (options.has('--help') || options.has('-h') || command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (!command) throw new UsageError('No command given.');
    if (!(COMMANDS as readonly string[]).includes(command))
      throw new UsageError(`Unknown command "${command}"; use one of ${COMMANDS.join(', ')}.`);
    if (!file) throw new UsageError(`${command} needs a file.`);
    if (command === 'compare' && !student)
      throw new UsageError('compare needs two files: <reference> <student>.');
    if (extra.length) throw new UsageError(`Unexpected argument(s): ${extra.join(' ')}.`);
    checkOptions(command as Command, options);
    switch (command) {
      case 'validate': {
        const map = await loadMap(io, file);
        io.stdout(
          safeLines(`${file}: valid (${map.nodes.length} nodes, ${map.edges.length} edges).`),
        );
        return 0;
      }
      case 'export':
        await output(io, options, await exportCommand(io, file, options));
        return 0;
      case 'import': {
        const { map, report } = await importCommand(io, file, options);
        io.stderr(safeLines(...report.map((line) => `note: ${line}`)));
        await output(io, options, serializeMap(map));
        return 0;
      }
      case 'draft': {
        const { map, report } = await draftCommand(io, file, options);
        io.stderr(safeLines(...report.map((line) => `note: ${line}`)));
        await output(io, options, serializeMap(map));
        return 0;
      }
      case 'compare': {
        const reference = await loadMap(io, file);
        const { data, summary } = compareCommandOutput(
          reference,
          await loadMap(io, student!),
          options,
        );
        io.stderr(safeLines(`note: ${summary}`));
        await output(io, options, data);
        return 0;
      }
      case 'layout': {
        const map = await loadMap(io, file);
        const { map: laid, report } = await relayout(map, options.get('--lang'));
        io.stderr(safeLines(report.trimEnd()));
        await output(io, options, serializeMap(laid));
        return 0;
      }
      default:
        io.stdout(mapStats(await loadMap(io, file)));
        return 0;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${safeLines(`argmap: ${error.message}`)}\n${USAGE}`);
      return 2;
    }
    if (error instanceof MissingFontError) {
      io.stderr(safeLines(`argmap: ${error.message}`));
      return 1;
    }
    if (error instanceof InputError) {
      io.stderr(
        safeLines(
          `argmap: ${error.message}`,
          ...error.problems.map((p) => `  ${describeProblem(p)}`),
        ),
      );
      return 1;
    }
    io.stderr(safeLines(`argmap: unexpected error: ${(error as Error).message ?? String(error)}`));
    return 1;
  }
}

export const nodeIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: (path) => readFile(path),
  fileSize: async (path) => (await stat(path)).size,
  writeFile: (path, data) => writeFileAtomic(path, data),
  makeDir: async (path) => void (await mkdir(path, { recursive: true })),
  exists: (path) => existsSync(path),
};

/**
 * A reader that goes away (`argmap export … | head`) closes the pipe: stop quietly, as Unix tools
 * do, instead of printing a stack trace.
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  endQuietlyOnClosedPipe();
  run(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
