/**
 * Exports from the browser: each format's pure exporter (loaded on demand, shared with the CLI)
 * turned into a file download. PNG is the SVG drawn onto a canvas at 1×, 2× or 3×.
 */
import type { ArgMap } from '../model/schema';
import { serializeMap } from '../io/mapFile';
import { useMapStore } from '../store/mapStore';
import { useUiStore } from '../store/uiStore';
import { exportAllMaps } from './session';

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

/** The SVG of the map (or the selection) with the labels the canvas shows. */
export async function svgOf(map: ArgMap, options: ExportOptions = {}): Promise<string> {
  const { exportSvg } = await import('../io/exportSvg');
  const selected = useMapStore.getState().selection.nodeIds;
  const language = useUiStore.getState().labelLanguage === 'en' ? 'en' : undefined;
  return exportSvg(map, {
    ...(options.selectionOnly && selected.length ? { nodeIds: selected } : {}),
    ...(language ? { language } : {}),
    background: options.background ?? 'white',
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
    if (!context) throw new Error('This browser cannot draw the image.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const png = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) =>
          blob ? resolve(blob) : reject(new Error('The map is too large for a PNG at this scale.')),
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
    return download(`argmap-backup-${stamp}.json`, await exportAllMaps(), 'application/json');
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
      const { exportMarkdown } = await import('../io/exportMarkdown');
      const language = useUiStore.getState().labelLanguage === 'en' ? { language: 'en' } : {};
      return download(`${base}.md`, exportMarkdown(map, language), 'text/markdown;charset=utf-8');
    }
    case 'argdown': {
      const { exportArgdown } = await import('../io/exportArgdown');
      return download(`${base}.argdown`, exportArgdown(map));
    }
    case 'aif': {
      const { exportAif } = await import('../io/exportAif');
      return download(
        `${base}.aif.json`,
        JSON.stringify(exportAif(map), null, 2),
        'application/json',
      );
    }
    case 'json':
      return download(`${base}.argmap.json`, serializeMap(map), 'application/json');
  }
}
