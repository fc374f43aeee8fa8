import type { ShotContext } from '@ministudio/domain';
import { type Canvas, createCanvas } from '@napi-rs/canvas';
import type { Box, FrameInfo, View } from '../../src/index';

/**
 * The plate seen through a view, computed independently of the drawer: the whole plate scaled by the
 * zoom and shifted so the view's centre lands in the middle of the frame.
 */
export function plateThrough(plate: Canvas, view: View, width: number, height: number): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d', { alpha: false });
  // Snapped views come back through floating point: 12.000000001 means the whole pixel 12.
  const tidy = (v: number) => (Math.abs(v - Math.round(v)) < 1e-6 ? Math.round(v) : v);
  const x = tidy((view.cx - width / (2 * view.zoom)) * view.zoom);
  const y = tidy((view.cy - height / (2 * view.zoom)) * view.zoom);
  ctx.setTransform(view.zoom, 0, 0, view.zoom, -x, -y);
  ctx.drawImage(plate, 0, 0);
  return canvas.data();
}

/**
 * Pixels that differ by more than `tolerance` on any channel between two RGBA frames, outside the
 * given boxes (each grown by `margin`).
 */
export function differencesOutside(
  a: Buffer,
  b: Buffer,
  width: number,
  height: number,
  boxes: Box[],
  margin: number,
  tolerance = 0,
): number {
  let count = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = boxes.some(
        (r) => x >= r.x - margin && x < r.x + r.w + margin && y >= r.y - margin && y < r.y + r.h + margin,
      );
      if (inside) continue;
      const i = (y * width + x) * 4;
      const d = Math.max(
        Math.abs(a[i]! - b[i]!),
        Math.abs(a[i + 1]! - b[i + 1]!),
        Math.abs(a[i + 2]! - b[i + 2]!),
      );
      if (d > tolerance) count++;
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
