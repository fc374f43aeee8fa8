import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GlobalFonts } from '@napi-rs/canvas';

export const CAPTION_FONT_FAMILY = 'MiniStudio Sans';

const bundled = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fonts');
const system = '/usr/share/fonts/truetype/dejavu';

let registered: string | null = null;

/**
 * Registers DejaVu Sans under one family name: the copy bundled with this package first, then Debian's.
 * With neither, captions use whatever sans-serif Skia finds, so a missing font never stops a render.
 */
export function captionFontFamily(): string {
  if (registered !== null) return registered;
  registered = 'sans-serif';
  for (const dir of [bundled, system]) {
    const regular = path.join(dir, 'DejaVuSans.ttf');
    const bold = path.join(dir, 'DejaVuSans-Bold.ttf');
    if (!existsSync(regular)) continue;
    if (GlobalFonts.registerFromPath(regular, CAPTION_FONT_FAMILY)) {
      if (existsSync(bold)) GlobalFonts.registerFromPath(bold, CAPTION_FONT_FAMILY);
      registered = `"${CAPTION_FONT_FAMILY}"`;
      break;
    }
  }
  return registered;
}
