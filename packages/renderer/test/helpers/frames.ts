import type { ShotContext } from '@ministudio/domain';
import { type Canvas, createCanvas } from '@napi-rs/canvas';
import type { Box, FrameInfo, View } from '../../src/index';

/** The plate seen through a view, drawn the way the shot drawer draws its background. */
export function plateThrough(plate: Canvas, view: View, width: number, height: number): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const sw = width / view.zoom;
  const sh = height / view.zoom;
  ctx.drawImage(plate, view.cx - sw / 2, view.cy - sh / 2, sw, sh, 0, 0, width, height);
  return canvas.data();
}

/** Pixels that differ between two RGBA frames outside the given boxes (each grown by `margin`). */
export function differencesOutside(
  a: Buffer,
  b: Buffer,
  width: number,
  height: number,
  boxes: Box[],
  margin: number,
): number {
  let count = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = boxes.some(
        (r) => x >= r.x - margin && x < r.x + r.w + margin && y >= r.y - margin && y < r.y + r.h + margin,
      );
      if (inside) continue;
      const i = (y * width + x) * 4;
      if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) count++;
    }
  }
  return count;
}

/** How many pixels are exactly this colour. */
export function countColour(frame: Buffer, colour: { r: number; g: number; b: number }): number {
  let count = 0;
  for (let i = 0; i < frame.length; i += 4) {
    if (frame[i] === colour.r && frame[i + 1] === colour.g && frame[i + 2] === colour.b) count++;
  }
  return count;
}

export function figureBoxes(info: FrameInfo): Box[] {
  return info.figures.map((f) => f.box);
}

export function withoutSpeech(shot: ShotContext): ShotContext {
  return { ...shot, speech: [] };
}
