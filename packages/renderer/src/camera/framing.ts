import type { CameraMove, ShotType } from '@ministudio/domain';

/** A view onto the plate: the world point at the frame's centre and the magnification (1 = whole plate). */
export interface View {
  cx: number;
  cy: number;
  zoom: number;
}

/** The set and the people move differently under a dolly (parallax); under a pan or zoom they agree. */
export interface FrameViews {
  background: View;
  foreground: View;
}

export interface Point {
  x: number;
  y: number;
}

export const SHOT_ZOOM: Record<ShotType, number> = {
  'extreme-wide': 1.12,
  wide: 1.45,
  medium: 2.3,
  'close-up': 3.8,
  'extreme-close-up': 6.5,
};

export function easeInOutCubic(t: number): number {
  const x = Math.max(0, Math.min(1, t));
  return x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2;
}

/** Keeps the view inside the plate, so no frame ever shows past the set's edge. */
export function clampView(view: View, width: number, height: number): View {
  const zoom = Math.max(1, view.zoom);
  const halfW = width / (2 * zoom);
  const halfH = height / (2 * zoom);
  return {
    cx: Math.max(halfW, Math.min(width - halfW, view.cx)),
    cy: Math.max(halfH, Math.min(height - halfH, view.cy)),
    zoom,
  };
}

/**
 * Where the camera points and how much it magnifies at a point of the shot (progress 0..1, eased).
 * Pans and tilts travel a quarter of the visible frame; zooms magnify 1.4 times; a dolly magnifies
 * the people (near) more than the set (far).
 */
export function cameraAt(
  shotType: ShotType,
  move: CameraMove,
  focus: Point,
  width: number,
  height: number,
  progress: number,
): FrameViews {
  const e = easeInOutCubic(progress);
  const zoom = SHOT_ZOOM[shotType];
  let cx = focus.x;
  let cy = focus.y;
  let bgZoom = zoom;
  let fgZoom = zoom;
  const panSpan = (width / zoom) * 0.25;
  const tiltSpan = (height / zoom) * 0.25;
  switch (move) {
    case 'pan-left':
      cx += panSpan * (0.5 - e);
      break;
    case 'pan-right':
      cx += panSpan * (e - 0.5);
      break;
    case 'tilt-up':
      cy += tiltSpan * (0.5 - e);
      break;
    case 'tilt-down':
      cy += tiltSpan * (e - 0.5);
      break;
    case 'zoom-in':
      bgZoom = fgZoom = zoom * (1 + 0.4 * e);
      break;
    case 'zoom-out':
      bgZoom = fgZoom = zoom * (1.4 - 0.4 * e);
      break;
    case 'dolly-in':
      bgZoom = zoom * (1 + 0.15 * e);
      fgZoom = zoom * (1 + 0.5 * e);
      break;
    case 'dolly-out':
      bgZoom = zoom * (1.15 - 0.15 * e);
      fgZoom = zoom * (1.5 - 0.5 * e);
      break;
    case 'static':
      break;
  }
  const background = clampView({ cx, cy, zoom: bgZoom }, width, height);
  // The people share the set's centre so a dolly grows them in place instead of sliding them off.
  return { background, foreground: { cx: background.cx, cy: background.cy, zoom: Math.max(1, fgZoom) } };
}

/** World (plate pixel) to frame pixel under a view. */
export function toScreen(view: View, point: Point, width: number, height: number): Point {
  return { x: (point.x - view.cx) * view.zoom + width / 2, y: (point.y - view.cy) * view.zoom + height / 2 };
}
