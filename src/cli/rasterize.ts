/**
 * SVG → pixels in Node, with `@resvg/resvg-js` and the Noto Sans CJK fonts (so Chinese renders
 * without relying on whatever fonts the machine has). Used by the CLI for PNG and PDF.
 */
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

/** Where Debian/Ubuntu's fonts-noto-cjk puts the fonts; more can be passed in. */
const FONT_DIRS = [
  '/usr/share/fonts/opentype/noto',
  '/usr/share/fonts/noto-cjk',
  '/usr/share/fonts/google-noto-cjk',
];
const FONT_FILES = ['NotoSansCJK-Regular.ttc', 'NotoSansCJK-Bold.ttc'];

export interface RasterOptions {
  /** Pixels per SVG unit: 1, 2 or 3 for normal, retina and print. Default 1. */
  scale?: number;
  /** Background colour; transparent when absent. */
  background?: string;
  /** Extra font files (e.g. a CJK font installed elsewhere). */
  fontFiles?: string[];
  /**
   * The most pixels to render; a larger request is scaled down to fit (a wide map at 3× would
   * otherwise need gigabytes). Default 64 million.
   */
  maxPixels?: number;
}

export interface Raster {
  width: number;
  height: number;
  /** The scale actually used: `options.scale`, or less where `maxPixels` required it. */
  scale: number;
  /** Straight RGBA, row by row. */
  rgba: Uint8Array;
  png: Uint8Array;
}

/** The CJK font files found on this machine. */
export function cjkFontFiles(): string[] {
  const found: string[] = [];
  for (const dir of FONT_DIRS) {
    for (const file of FONT_FILES) if (existsSync(`${dir}/${file}`)) found.push(`${dir}/${file}`);
  }
  return found;
}

/** The size an SVG document declares on its root (`width`/`height`, else its viewBox). */
export function svgSize(svg: string): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  if (width > 0 && height > 0) return { width, height };
  const box = /\sviewBox="[\d.-]+[\s,]+[\d.-]+[\s,]+([\d.]+)[\s,]+([\d.]+)"/.exec(root);
  return box ? { width: Number(box[1]), height: Number(box[2]) } : undefined;
}

/**
 * Renders an SVG document. Text uses Noto Sans CJK when installed, else the system's fonts.
 * (resvg lays out each glyph of these large CJK fonts slowly — milliseconds each — so a map of a
 * few thousand characters takes tens of seconds.)
 */
export function rasterize(svg: string, options: RasterOptions = {}): Raster {
  const fontFiles = [...(options.fontFiles ?? []), ...cjkFontFiles()];
  const size = svgSize(svg);
  let scale = options.scale ?? 1;
  const maxPixels = options.maxPixels ?? 64_000_000;
  if (size && size.width * size.height * scale * scale > maxPixels) {
    scale = Math.floor(Math.sqrt(maxPixels / (size.width * size.height)) * 100) / 100;
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: {
      fontFiles,
      loadSystemFonts: fontFiles.length === 0,
      defaultFontFamily: fontFiles.length ? 'Noto Sans CJK SC' : '',
      sansSerifFamily: fontFiles.length ? 'Noto Sans CJK SC' : 'sans-serif',
    },
    ...(options.background ? { background: options.background } : {}),
    logLevel: 'off',
  });
  const image = resvg.render();
  let png: Uint8Array | undefined;
  return {
    scale,
    width: image.width,
    height: image.height,
    rgba: image.pixels,
    // Encoding is the slow part; PDF pages only need the pixels.
    get png() {
      return (png ??= image.asPng());
    },
  };
}
