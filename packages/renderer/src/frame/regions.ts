/** A rectangle of whole frame pixels: columns x..x+w-1, rows y..y+h-1. */
export interface PixelRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The whole pixels a box touches, grown by `margin` and clipped to the frame, its top-left corner moved
 * back onto a multiple of `align` (Skia dithers gradients on a pattern tied to device pixels, so a region
 * drawn at an aligned offset dithers as the full frame does); null when nothing is left.
 */
export function pixelRect(
  box: { x: number; y: number; w: number; h: number },
  margin: number,
  align: number,
  width: number,
  height: number,
): PixelRect | null {
  const x0 = Math.max(0, Math.floor((Math.floor(box.x) - margin) / align) * align);
  const y0 = Math.max(0, Math.floor((Math.floor(box.y) - margin) / align) * align);
  const x1 = Math.min(width, Math.ceil(box.x + box.w) + margin);
  const y1 = Math.min(height, Math.ceil(box.y + box.h) + margin);
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } : null;
}

/** Whether two rectangles share a pixel. */
export function overlaps(a: PixelRect, b: PixelRect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/**
 * Overlapping rectangles replaced by their bounding box until none overlap: every input lies whole inside
 * one output. (Whole, not cut: Skia anti-aliases a path a region cuts through slightly differently from
 * the same path on the full frame, so a region never cuts a figure.)
 */
export function mergeOverlapping(rects: PixelRect[]): PixelRect[] {
  const out = rects.map((r) => ({ ...r }));
  for (let merged = true; merged; ) {
    merged = false;
    outer: for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i]!;
        const b = out[j]!;
        if (!overlaps(a, b)) continue;
        const x = Math.min(a.x, b.x);
        const y = Math.min(a.y, b.y);
        out[i] = {
          x,
          y,
          w: Math.max(a.x + a.w, b.x + b.w) - x,
          h: Math.max(a.y + a.h, b.y + b.h) - y,
        };
        out.splice(j, 1);
        merged = true;
        break outer;
      }
    }
  }
  return out;
}

/**
 * `rect` minus `holes`, as disjoint rectangles: the rectangle is cut into horizontal slabs at every hole
 * edge, each slab keeps the column runs no hole covers, and runs that continue unchanged from one slab to
 * the next are joined. Deterministic for the same input.
 */
export function subtractRects(rect: PixelRect, holes: PixelRect[]): PixelRect[] {
  const bottom = rect.y + rect.h;
  const inside = holes.filter((h) => overlaps(h, rect));
  const edges = [
    ...new Set([
      rect.y,
      bottom,
      ...inside.flatMap((h) => [h.y, h.y + h.h]).filter((y) => y > rect.y && y < bottom),
    ]),
  ].sort((a, b) => a - b);
  const done: PixelRect[] = [];
  let open: PixelRect[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const top = edges[i]!;
    const next = edges[i + 1]!;
    const covered = inside
      .filter((h) => h.y <= top && h.y + h.h >= next)
      .map((h) => [h.x, h.x + h.w] as const)
      .sort((a, b) => a[0] - b[0]);
    const runs: [number, number][] = [];
    let x = rect.x;
    for (const [a, b] of covered) {
      if (a > x) runs.push([x, Math.min(a, rect.x + rect.w)]);
      x = Math.max(x, b);
    }
    if (x < rect.x + rect.w) runs.push([x, rect.x + rect.w]);
    const current: PixelRect[] = [];
    for (const [a, b] of runs) {
      if (b <= a) continue;
      const continuing = open.find((r) => r.x === a && r.x + r.w === b && r.y + r.h === top);
      if (continuing) {
        continuing.h = next - continuing.y;
        current.push(continuing);
      } else current.push({ x: a, y: top, w: b - a, h: next - top });
    }
    for (const r of open) if (!current.includes(r)) done.push(r);
    open = current;
  }
  done.push(...open);
  return done.sort((a, b) => a.y - b.y || a.x - b.x);
}
