/**
 * Exports from the browser: each format's pure exporter (shared with the CLI) runs in the I/O
 * worker, and its text becomes a file download. PNG is the SVG drawn onto a canvas at 1×, 2× or 3×.
 */
import type { ArgMap } from '../model/schema';
import { useMapStore } from '../store/mapStore';
import { useUiStore } from '../store/uiStore';
import { runInWorker } from './ioClient';
import { leftOutNotice } from '../persist/backupMaps';
import { backupContents } from './session';
import { MessageError, say } from '../model/messages';

export type ExportFormat = 'svg' | 'png' | 'md' | 'argdown' | 'aif' | 'json' | 'backup';

export interface ExportOptions {
  /** Only the selected nodes (and the edges between them). */
  selectionOnly?: boolean;
  scale?: 1 | 2 | 3;
  background?: 'white' | 'transparent';
}

/** A file name from the map's title: letters, digits and CJK kept, the rest dashed. */
export function fileBase(map: ArgMap): string {
  const base = map.title
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return base || map.id;
}

export function download(name: string, data: Blob | string, type = 'text/plain;charset=utf-8') {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The SVG of the map (or the selection) with the labels the canvas shows, made in the I/O worker. */
export async function svgOf(map: ArgMap, options: ExportOptions = {}): Promise<string> {
  const selected = useMapStore.getState().selection.nodeIds;
  const language = useUiStore.getState().labelLanguage === 'en' ? 'en' : undefined;
  return runInWorker({
    op: 'svg',
    map,
    options: {
      ...(options.selectionOnly && selected.length ? { nodeIds: selected } : {}),
      ...(language ? { language } : {}),
      background: options.background ?? 'white',
    },
  });
}

/** Browsers refuse canvases beyond about this many pixels a side, or in all. */
const MAX_SIDE = 16_384;
const MAX_AREA = 120_000_000;

/** The scale actually used: the one asked for, reduced where the image would exceed a canvas. */
function fitScale(width: number, height: number, scale: number): number {
  return Math.min(
    scale,
    MAX_SIDE / width,
    MAX_SIDE / height,
    Math.sqrt(MAX_AREA / (width * height)),
  );
}

/** Draws an SVG onto a canvas at `scale` (reduced if the canvas would be too large). */
export async function svgToPng(
  svg: string,
  requested: number,
): Promise<{ png: Blob; scale: number }> {
  const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 800);
  const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1] ?? 600);
  const scale = fitScale(width, height, requested);
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new MessageError(say('expCannotDraw'));
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const png = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new MessageError(say('expPngTooLarge')))),
        'image/png',
      ),
    );
    return { png, scale };
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function exportAs(format: ExportFormat, options: ExportOptions = {}): Promise<void> {
  const map = useMapStore.getState().map;
  if (format === 'backup') {
    const stamp = new Date().toISOString().slice(0, 10);
    const { maps, leftOut } = await backupContents();
    const text = await runInWorker({ op: 'backup', maps });
    download(`argmap-backup-${stamp}.json`, text, 'application/json');
    // What does not validate is not in the backup: say which maps and why.
    const notice = leftOutNotice(leftOut);
    if (notice) useMapStore.setState({ error: notice });
    return;
  }
  if (!map) return;
  const base = fileBase(map);
  switch (format) {
    case 'svg':
      return download(`${base}.svg`, await svgOf(map, options), 'image/svg+xml');
    case 'png': {
      const requested = options.scale ?? 2;
      const { png, scale } = await svgToPng(await svgOf(map, options), requested);
      if (scale < requested) {
        useMapStore.setState({
          error: `pngTooLarge|${requested}|${scale.toFixed(2)}`,
        });
      }
      return download(`${base}@${requested}x.png`, png);
    }
    case 'md': {
      const language = useUiStore.getState().labelLanguage === 'en' ? { language: 'en' } : {};
      const text = await runInWorker({ op: 'md', map, ...language });
      return download(`${base}.md`, text, 'text/markdown;charset=utf-8');
    }
    case 'argdown':
      return download(`${base}.argdown`, await runInWorker({ op: 'argdown', map }));
    case 'aif':
      return download(
        `${base}.aif.json`,
        await runInWorker({ op: 'aif', map }),
        'application/json',
      );
    case 'json':
      return download(
        `${base}.argmap.json`,
        await runInWorker({ op: 'json', map }),
        'application/json',
      );
  }
}
