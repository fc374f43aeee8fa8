import { type Canvas, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import type { FrameViews, View } from '../camera/framing';

/** Where the plate's top-left lands, in frame pixels, for a view: the plate is drawn at `zoom`, shifted. */
export function plateOffset(view: View, width: number, height: number): { x: number; y: number } {
  return {
    x: (view.cx - width / (2 * view.zoom)) * view.zoom,
    y: (view.cy - height / (2 * view.zoom)) * view.zoom,
  };
}

/** Draws the plate through a view: the view's rectangle of the plate, resampled to the whole frame. */
export function drawPlateView(
  ctx: SKRSContext2D,
  plate: Canvas,
  view: View,
  width: number,
  height: number,
): void {
  const sw = width / view.zoom;
  const sh = height / view.zoom;
  ctx.drawImage(plate, view.cx - sw / 2, view.cy - sh / 2, sw, sh, 0, 0, width, height);
}

export interface Background {
  /** The views actually used per frame (pans and tilts snapped to whole pixels). */
  views: FrameViews[];
  draw(ctx: SKRSContext2D, frame: number): void;
}

/**
 * The set behind every frame of a shot. When the zoom holds (static, pan, tilt), the plate is scaled once
 * into a strip covering the whole camera path and each frame is a whole-pixel copy out of it, several
 * times cheaper than resampling the plate per frame. Zooms and dollies resample per frame.
 */
export function createBackground(
  plate: Canvas,
  views: FrameViews[],
  width: number,
  height: number,
): Background {
  const zoom = views[0]!.background.zoom;
  const constant = views.every((v) => v.background.zoom === zoom);
  if (!constant) {
    return {
      views,
      draw: (ctx, frame) => drawPlateView(ctx, plate, views[frame]!.background, width, height),
    };
  }
  const offsets = views.map((v) => {
    const o = plateOffset(v.background, width, height);
    return { x: Math.round(o.x), y: Math.round(o.y) };
  });
  const snapped: FrameViews[] = views.map((v, i) => {
    const cx = offsets[i]!.x / zoom + width / (2 * zoom);
    const cy = offsets[i]!.y / zoom + height / (2 * zoom);
    return { background: { cx, cy, zoom }, foreground: { ...v.foreground, cx, cy } };
  });
  const minX = Math.min(...offsets.map((o) => o.x));
  const minY = Math.min(...offsets.map((o) => o.y));
  const strip = createCanvas(
    Math.max(...offsets.map((o) => o.x)) - minX + width,
    Math.max(...offsets.map((o) => o.y)) - minY + height,
  );
  const stripCtx = strip.getContext('2d', { alpha: false });
  stripCtx.setTransform(zoom, 0, 0, zoom, -minX, -minY);
  stripCtx.drawImage(plate, 0, 0);
  return {
    views: snapped,
    draw(ctx, frame) {
      const o = offsets[frame]!;
      ctx.drawImage(strip, o.x - minX, o.y - minY, width, height, 0, 0, width, height);
    },
  };
}
