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
  baseZoom: number = SHOT_ZOOM[shotType],
  /** 0..1: how much of its usual magnification a zoom or dolly may add (less when the cast must fit). */
  moveScale = 1,
): FrameViews {
  const e = easeInOutCubic(progress) * moveScale;
  const full = moveScale;
  const zoom = baseZoom;
  let cx = focus.x;
  let cy = focus.y;
  let bgZoom = zoom;
  let fgZoom = zoom;
  const pe = easeInOutCubic(progress);
  const panSpan = (width / zoom) * 0.25;
  const tiltSpan = (height / zoom) * 0.25;
  switch (move) {
    case 'pan-left':
      cx += panSpan * (0.5 - pe);
      break;
    case 'pan-right':
      cx += panSpan * (pe - 0.5);
      break;
    case 'tilt-up':
      cy += tiltSpan * (0.5 - pe);
      break;
    case 'tilt-down':
      cy += tiltSpan * (pe - 0.5);
      break;
    case 'zoom-in':
      bgZoom = fgZoom = zoom * (1 + 0.4 * e);
      break;
    case 'zoom-out':
      bgZoom = fgZoom = zoom * (1 + 0.4 * (full - e));
      break;
    case 'dolly-in':
      bgZoom = zoom * (1 + 0.15 * e);
      fgZoom = zoom * (1 + 0.5 * e);
      break;
    case 'dolly-out':
      bgZoom = zoom * (1 + 0.15 * (full - e));
      fgZoom = zoom * (1 + 0.5 * (full - e));
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

/** A rectangle in plate pixels. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The share of the frame kept clear at each edge: what must be seen stays inside the action-safe area. */
export const SAFE_MARGIN = 0.05;
/** How much of the frame a pan or tilt keeps free for its travel when the cast must fit as well. */
const TRAVEL_ROOM = 0.15;

/** How much more a move magnifies the people at its tightest than at its start or end. */
export function moveGrowth(move: CameraMove): number {
  if (move === 'zoom-in' || move === 'zoom-out') return 1.4;
  if (move === 'dolly-in' || move === 'dolly-out') return 1.5;
  return 1;
}

/**
 * The shot's magnification, no tighter than lets `cast` (what must be seen of every figure, over the
 * whole shot) fit the safe area at the move's tightest, with room left for a pan's or tilt's travel.
 * A two-person medium shot is then a two-shot rather than one person and a sliver of the other.
 */
export function fittedZoom(
  shotType: ShotType,
  move: CameraMove,
  cast: Rect | null,
  width: number,
  height: number,
): { zoom: number; moveScale: number } {
  const preferred = SHOT_ZOOM[shotType];
  if (!cast) return { zoom: preferred, moveScale: 1 };
  const roomX =
    (1 - 2 * SAFE_MARGIN - (move === 'pan-left' || move === 'pan-right' ? TRAVEL_ROOM : 0)) * width;
  const roomY =
    (1 - 2 * SAFE_MARGIN - (move === 'tilt-up' || move === 'tilt-down' ? TRAVEL_ROOM : 0)) * height;
  // A hair under the exact fit, so rounding never puts an edge a fraction past the safe line.
  const fit = Math.min(roomX / Math.max(1e-9, cast.w), roomY / Math.max(1e-9, cast.h)) * 0.999;
  const growth = moveGrowth(move);
  const zoom = Math.max(1, Math.min(preferred, fit / growth));
  // A cast as wide as the set leaves a zoom less room: it magnifies only as far as everyone still fits.
  const moveScale = growth > 1 ? Math.max(0, Math.min(1, (fit / zoom - 1) / (growth - 1))) : 1;
  return { zoom, moveScale };
}

/** The centres (along one axis) at which `lo..hi` of the world stays inside the safe area at `zoom`. */
function heldRange(lo: number, hi: number, zoom: number, size: number): [number, number] {
  const inner = size * (0.5 - SAFE_MARGIN);
  return [hi - inner / zoom, lo + inner / zoom];
}

/** The value kept inside lo..hi; when nothing fits (lo > hi), the middle, which shares the overflow out. */
function within(value: number, [lo, hi]: [number, number]): number {
  return lo > hi ? (lo + hi) / 2 : Math.max(lo, Math.min(hi, value));
}

/**
 * Every frame's views for a shot, the move limited so that `cast` stays inside the safe area in every
 * frame: pans and tilts travel only as far as the cast allows (centred on the focus where it can be),
 * zooms and dollies start or end no tighter than the cast fits. The plate's edge is respected as before.
 */
export function cameraPath(
  shotType: ShotType,
  move: CameraMove,
  focus: Point,
  cast: Rect | null,
  width: number,
  height: number,
  frameCount: number,
): FrameViews[] {
  const { zoom, moveScale } = fittedZoom(shotType, move, cast, width, height);
  const progressOf = (f: number) => (frameCount > 1 ? f / (frameCount - 1) : 0);
  const pan = move === 'pan-left' || move === 'pan-right';
  const tilt = move === 'tilt-up' || move === 'tilt-down';
  const plateRange = (size: number): [number, number] => [size / (2 * zoom), size - size / (2 * zoom)];
  const both = (a: [number, number], b: [number, number]): [number, number] => [
    Math.max(a[0], b[0]),
    Math.min(a[1], b[1]),
  ];
  const rangeX = cast
    ? both(heldRange(cast.x, cast.x + cast.w, zoom, width), plateRange(width))
    : plateRange(width);
  const rangeY = cast
    ? both(heldRange(cast.y, cast.y + cast.h, zoom, height), plateRange(height))
    : plateRange(height);
  // A pan or tilt travels a quarter of the visible frame, or what the cast leaves of it.
  const travel = (range: [number, number], centre: number, span: number) => {
    const room = Math.max(0, range[1] - range[0]);
    const s = Math.min(span, room);
    const start = within(centre - s / 2, [range[0], range[1] - s]);
    return [start, start + s] as const;
  };
  const [x0, x1] = travel(rangeX, within(focus.x, rangeX), (width / zoom) * 0.25);
  const [y0, y1] = travel(rangeY, within(focus.y, rangeY), (height / zoom) * 0.25);
  return Array.from({ length: frameCount }, (_, f) => {
    const p = progressOf(f);
    const e = easeInOutCubic(p);
    if (pan || tilt) {
      let cx = within(focus.x, rangeX);
      let cy = within(focus.y, rangeY);
      if (move === 'pan-left') cx = x1 + (x0 - x1) * e;
      if (move === 'pan-right') cx = x0 + (x1 - x0) * e;
      if (move === 'tilt-up') cy = y1 + (y0 - y1) * e;
      if (move === 'tilt-down') cy = y0 + (y1 - y0) * e;
      const view = clampView({ cx, cy, zoom }, width, height);
      return { background: view, foreground: { ...view } };
    }
    const views = cameraAt(shotType, move, focus, width, height, p, zoom, moveScale);
    if (!cast) return views;
    // Hold the cast at this frame's magnification of the people; the set follows where its edge allows.
    const fz = views.foreground.zoom;
    const cx = within(views.foreground.cx, heldRange(cast.x, cast.x + cast.w, fz, width));
    const cy = within(views.foreground.cy, heldRange(cast.y, cast.y + cast.h, fz, height));
    const background = clampView({ cx, cy, zoom: views.background.zoom }, width, height);
    return { background, foreground: { cx, cy, zoom: fz } };
  });
}
