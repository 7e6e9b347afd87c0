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
}

export interface Raster {
  width: number;
  height: number;
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

/** Renders an SVG document. Text uses Noto Sans CJK when installed, else the system's fonts. */
export function rasterize(svg: string, options: RasterOptions = {}): Raster {
  const fontFiles = [...(options.fontFiles ?? []), ...cjkFontFiles()];
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 1 },
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
    width: image.width,
    height: image.height,
    rgba: image.pixels,
    // Encoding is the slow part; PDF pages only need the pixels.
    get png() {
      return (png ??= image.asPng());
    },
  };
}
