import { type AspectRatio, SIZE_FOR_ASPECT, sizeFitsAspect } from '@ministudio/domain';

export interface SizeOption {
  value: string;
  label: string;
  width: number;
  height: number;
}

// Short sides the size menu offers; every one gives an even frame of the ratio's shape.
const SHORT_SIDES = [480, 720, 1080];

const sizeValue = (width: number, height: number) => `${width}x${height}`;

/**
 * The sizes offered for an aspect ratio: its house size first, then the common frames of that shape,
 * and the current size too if it is something else that fits (a project imported at 320×180).
 */
export function sizeOptions(aspect: AspectRatio, current: { width: number; height: number }): SizeOption[] {
  const sizes = [SIZE_FOR_ASPECT[aspect]];
  for (const short of SHORT_SIDES) {
    const long = Math.round((short * 16) / 9 / 2) * 2;
    if (aspect === '16:9') sizes.push({ width: long, height: short });
    else if (aspect === '9:16') sizes.push({ width: short, height: long });
    else sizes.push({ width: short, height: short });
  }
  if (sizeFitsAspect(aspect, current.width, current.height)) sizes.push(current);
  const seen = new Set<string>();
  return sizes
    .filter((s) => {
      const key = sizeValue(s.width, s.height);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((s) => ({ ...s, value: sizeValue(s.width, s.height), label: `${s.width} × ${s.height}` }));
}

export const currentSizeValue = (p: { width: number; height: number }) => sizeValue(p.width, p.height);

/** Frame rates a film is usually made at, and the project's own if it is another. */
export function fpsOptions(current: number): { value: string; label: string }[] {
  const rates = [...new Set([24, 25, 30, current])].sort((a, b) => a - b);
  return rates.map((r) => ({ value: String(r), label: `${r} fps` }));
}
