/**
 * SVG → PNG on the server with resvg (@resvg/resvg-js: a prebuilt binary inside an npm package,
 * no system toolchain, nothing downloaded at install time). System fonts are not loaded: the
 * text is set in DejaVu Sans from the dejavu-fonts-ttf package, so a fresh machine without font
 * packages draws the same chart.
 */
import { dirname, join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const FONT_FILE = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans.ttf');
const BOLD_FONT_FILE = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', 'DejaVuSans-Bold.ttf');

export function renderPng(svg: string): { png: Buffer; width: number; height: number } {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [FONT_FILE, BOLD_FONT_FILE], defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
