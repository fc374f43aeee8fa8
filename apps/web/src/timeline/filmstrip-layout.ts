// Where each thumbnail of a take's filmstrip goes under a timeline clip, as CSS background maths. Pure:
// tested without a DOM.

/**
 * The filmstrip image the previews step makes (packages/pipeline/src/handlers/conform-fit-previews.ts):
 * one row of 8 thumbnails, each a 160×90 box (other aspects are letterboxed inside it), sampled at the
 * middle of 8 equal slices of the take. ShotState does not carry these, so they are mirrored here.
 */
export const FILMSTRIP_FRAMES = 8;
export const FILMSTRIP_FRAME_ASPECT = 160 / 90;

export interface FilmstripSlot {
  /** Left edge within the clip, px. */
  left: number;
  /** Visible width, px: the last slot is cropped by the clip's end. */
  width: number;
  /** Which thumbnail of the row (0-based) it shows. */
  frame: number;
  /** CSS background-position that brings that thumbnail into the slot. */
  backgroundPosition: string;
}

export interface FilmstripPlan {
  /** Width of one uncropped slot: the strip's height at the thumbnail's aspect. */
  slotWidth: number;
  /** CSS background-size that scales the whole row so one thumbnail fills one slot. */
  backgroundSize: string;
  slots: FilmstripSlot[];
}

export interface FilmstripInput {
  widthPx: number;
  heightPx: number;
  frames?: number;
  frameAspect?: number;
}

const px = (n: number) => `${Math.round(n * 100) / 100}px`;

/**
 * Slots at the thumbnails' natural aspect, side by side across the clip. Each slot shows the thumbnail
 * sampled nearest the moment its visible middle stands for, so a slot shows what plays under it: when a
 * clip is zoomed wider than its 8 thumbnails, neighbours repeat a frame, as in any editor; when narrower,
 * frames are skipped evenly.
 */
export function planFilmstrip({
  widthPx,
  heightPx,
  frames = FILMSTRIP_FRAMES,
  frameAspect = FILMSTRIP_FRAME_ASPECT,
}: FilmstripInput): FilmstripPlan {
  const n = Math.max(1, Math.floor(frames));
  const slotWidth = heightPx > 0 && frameAspect > 0 ? heightPx * frameAspect : 0;
  const plan: FilmstripPlan = {
    slotWidth,
    backgroundSize: `${px(slotWidth * n)} ${px(Math.max(0, heightPx))}`,
    slots: [],
  };
  if (!(widthPx > 0) || !(slotWidth > 0) || !Number.isFinite(widthPx)) return plan;
  const count = Math.ceil(widthPx / slotWidth - 1e-9);
  for (let i = 0; i < count; i++) {
    const left = i * slotWidth;
    const width = Math.min(slotWidth, widthPx - left);
    const middle = (left + width / 2) / widthPx;
    const frame = Math.min(n - 1, Math.max(0, Math.floor(middle * n)));
    plan.slots.push({ left, width, frame, backgroundPosition: `${px(-frame * slotWidth)} 0px` });
  }
  return plan;
}
