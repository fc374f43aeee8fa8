import type { RegionBox } from '@ministudio/domain';

/** A decoded picture: packed RGB, 3 bytes per pixel, row by row. */
export interface Frame {
  width: number;
  height: number;
  data: Uint8Array;
}

export interface PixelRect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function makeFrame(
  width: number,
  height: number,
  fill: readonly [number, number, number] = [0, 0, 0],
): Frame {
  const data = new Uint8Array(width * height * 3);
  for (let i = 0; i < data.length; i += 3) {
    data[i] = fill[0];
    data[i + 1] = fill[1];
    data[i + 2] = fill[2];
  }
  return { width, height, data };
}

/** Paints a box (fractions of the frame) with one colour; for tests and synthetic scenes. */
export function fillBox(frame: Frame, box: RegionBox, rgb: readonly [number, number, number]): void {
  const r = boxToRect(box, frame.width, frame.height);
  for (let y = r.y0; y < r.y1; y++) {
    for (let x = r.x0; x < r.x1; x++) {
      const i = (y * frame.width + x) * 3;
      frame.data[i] = rgb[0];
      frame.data[i + 1] = rgb[1];
      frame.data[i + 2] = rgb[2];
    }
  }
}

/** A box in fractions to whole pixels, clamped to the frame (may be empty). */
export function boxToRect(box: RegionBox, width: number, height: number): PixelRect {
  const [bx, by, bw, bh] = box;
  const x0 = clamp(Math.round(bx * width), 0, width);
  const y0 = clamp(Math.round(by * height), 0, height);
  const x1 = clamp(Math.round((bx + bw) * width), x0, width);
  const y1 = clamp(Math.round((by + bh) * height), y0, height);
  return { x0, y0, x1, y1 };
}

export function rectArea(r: PixelRect): number {
  return (r.x1 - r.x0) * (r.y1 - r.y0);
}

export function clamp(value: number, lo: number, hi: number): number {
  return value < lo ? lo : Math.min(value, hi);
}

/** BT.709 luma of 8-bit RGB, in code values 0..255 (the weights of the house format's colour matrix). */
export function lumaOf(r: number, g: number, b: number): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The frame's luma plane. */
export function lumaPlane(frame: Frame): Float32Array {
  const out = new Float32Array(frame.width * frame.height);
  const d = frame.data;
  for (let i = 0, p = 0; p < out.length; p++, i += 3) out[p] = lumaOf(d[i]!, d[i + 1]!, d[i + 2]!);
  return out;
}

/** The mean luma of a rectangle (of the whole frame when null). */
export function meanLuma(frame: Frame, rect: PixelRect | null = null): number {
  const r = rect ?? { x0: 0, y0: 0, x1: frame.width, y1: frame.height };
  let sum = 0;
  let n = 0;
  const d = frame.data;
  for (let y = r.y0; y < r.y1; y++) {
    for (let x = r.x0, i = (y * frame.width + r.x0) * 3; x < r.x1; x++, i += 3) {
      sum += lumaOf(d[i]!, d[i + 1]!, d[i + 2]!);
      n++;
    }
  }
  return n > 0 ? sum / n : 0;
}

/** The per-pixel, per-channel median of a few frames of one size: one odd frame (a transition) cannot sway it. */
export function medianFrame(frames: readonly Frame[]): Frame {
  const first = frames[0];
  if (!first) throw new Error('medianFrame needs at least one frame');
  const n = frames.length;
  const out = new Uint8Array(first.data.length);
  const values = new Uint8Array(n);
  for (let i = 0; i < out.length; i++) {
    for (let k = 0; k < n; k++) values[k] = frames[k]!.data[i]!;
    values.sort();
    out[i] = n % 2 === 1 ? values[(n - 1) / 2]! : Math.round((values[n / 2 - 1]! + values[n / 2]!) / 2);
  }
  return { width: first.width, height: first.height, data: out };
}

/** The blocks of a cols×rows grid, as boxes in fractions. */
export function gridBoxes(cols: number, rows: number): RegionBox[] {
  const boxes: RegionBox[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) boxes.push([c / cols, r / rows, 1 / cols, 1 / rows]);
  }
  return boxes;
}

export function boxArea(box: RegionBox): number {
  return Math.max(0, box[2]) * Math.max(0, box[3]);
}

/** Overlap area of two boxes (fractions). */
export function boxIntersection(a: RegionBox, b: RegionBox): number {
  const w = Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]);
  const h = Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]);
  return w > 0 && h > 0 ? w * h : 0;
}

export function unionBox(boxes: readonly RegionBox[]): RegionBox | null {
  if (boxes.length === 0) return null;
  let x0 = 1;
  let y0 = 1;
  let x1 = 0;
  let y1 = 0;
  for (const b of boxes) {
    x0 = Math.min(x0, b[0]);
    y0 = Math.min(y0, b[1]);
    x1 = Math.max(x1, b[0] + b[2]);
    y1 = Math.max(y1, b[1] + b[3]);
  }
  return [x0, y0, x1 - x0, y1 - y0];
}

export function roundBox(box: RegionBox): RegionBox {
  return box.map((v) => Math.round(v * 10000) / 10000) as RegionBox;
}
