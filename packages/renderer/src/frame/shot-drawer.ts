import { createRandom, type ShotContext } from '@ministudio/domain';
import { type Canvas, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { envelopeAt } from '../audio/envelope';
import { cameraAt, type FrameViews, toScreen } from '../camera/framing';
import { focusFor, type Mark, stageCast } from '../camera/staging';
import { type Caption, captionBandHeight, renderCaption } from '../caption/draw-caption';
import { type CharacterLook, characterLook } from '../figure/character-look';
import { drawFigure, type FigurePose, figureBounds } from '../figure/draw-figure';
import { faceShape } from '../figure/expression';
import { styleTreatment } from '../style/style-treatment';
import { createBackground } from './background';
import { mergeOverlapping, overlaps, type PixelRect, pixelRect, subtractRects } from './regions';

export interface ShotDrawerInput {
  shot: ShotContext;
  width: number;
  height: number;
  fps: number;
  durationSeconds: number;
  /** The shot's seed: idle motion, blinks and staging offsets. */
  seed: number;
  /** The environment's locked plate, the frame's size. */
  plate: Canvas;
  /** Loudness per frame for each of `shot.speech`, same order; null when a line has no audio. */
  envelopes: (Float32Array | null)[];
  captions: boolean;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** What was drawn in a frame, in frame pixels: enough for tests to tell the set from the people. */
export interface FrameInfo {
  views: FrameViews;
  figures: { key: string; box: Box; mouthOpen: number }[];
  /** Top of the caption band when a caption was drawn, else null. */
  captionTop: number | null;
}

export interface ShotDrawer {
  frameCount: number;
  /** The full frame after `draw`. */
  canvas: Canvas;
  warnings: string[];
  /** Draws the whole frame onto `canvas`. */
  draw(frame: number): FrameInfo;
  /**
   * The frame as opaque RGBA bytes (a new buffer each call, safe to hand on), the same pixels `draw` leaves
   * on `canvas`. When the set holds its zoom, only what differs from it (the people, the caption) is
   * rasterised and read back; the rest is copied from the set's pixels, read once per shot.
   */
  render(frame: number): { info: FrameInfo; pixels: Buffer };
}

/** Frame pixels around each figure's box that are still read back (anti-aliasing, strokes). */
const REGION_MARGIN = 2;
/** Regions start on this pixel grid, so gradients dither in them exactly as on the full frame. */
const REGION_ALIGN = 8;

function blinkSchedule(seed: number, duration: number): number[] {
  const random = createRandom(seed ^ 0xb11c);
  const times: number[] = [];
  for (let t = 0.8 + random() * 2; t < duration; t += 2 + random() * 3.5) times.push(t);
  return times;
}

/** The speaker for framing: the first line's speaker who is on screen, else the first cast member. */
export function subjectOf(shot: ShotContext): string | null {
  const onScreen = new Set(shot.characters.map((c) => c.key));
  const speaker = shot.dialogue.find((line) => onScreen.has(line.character))?.character;
  return speaker ?? shot.characters[0]?.key ?? null;
}

/**
 * Prepares a shot once (looks, staging, blink times) and draws any frame of it on one reused canvas:
 * the locked plate through the camera, the cast over it, the caption on top.
 */
export function createShotDrawer(input: ShotDrawerInput): ShotDrawer {
  const { shot, width: W, height: H, fps } = input;
  const frameCount = Math.max(1, Math.round(input.durationSeconds * fps));
  const style = styleTreatment(shot.style);
  const warnings: string[] = [];
  const looks: CharacterLook[] = shot.characters.map((c) => {
    const { look, warnings: found } = characterLook(c);
    warnings.push(...found);
    return look;
  });
  const marks: Mark[] = stageCast(
    looks.map((l) => ({ key: l.key, heightFactor: l.height })),
    W,
    H,
    input.seed,
  );
  const focus = focusFor(shot.shotType, marks, subjectOf(shot), W, H);
  const random = createRandom(input.seed);
  const phases = looks.map(() => random());
  const blinks = looks.map((_, i) => blinkSchedule(input.seed + i * 7919, input.durationSeconds));
  const names = new Map(shot.characters.map((c) => [c.key, c.name]));

  const canvas = createCanvas(W, H);
  // Opaque frames: an alpha-free surface reads back several times faster, and RGBA bytes come out straight.
  const ctx: SKRSContext2D = canvas.getContext('2d', { alpha: false });
  const band = captionBandHeight(H);
  const captionCache = new Map<string, { image: Canvas; inkTop: number }>();
  const background = createBackground(
    input.plate,
    Array.from({ length: frameCount }, (_, f) =>
      cameraAt(shot.shotType, shot.camera, focus, W, H, frameCount > 1 ? f / (frameCount - 1) : 0),
    ),
    W,
    H,
  );

  const captionAt = (t: number): Caption => {
    const active = shot.speech.find((s) => t >= s.startSeconds && t < s.startSeconds + s.durationSeconds);
    const line = active
      ? {
          speaker: active.character === null ? 'Narrator' : (names.get(active.character) ?? active.character),
          text: active.text,
        }
      : null;
    return { action: shot.action, line };
  };

  const loudness = (key: string, t: number): number => {
    let level = 0;
    shot.speech.forEach((s, i) => {
      const envelope = input.envelopes[i];
      if (s.character === key && envelope)
        level = Math.max(level, envelopeAt(envelope, fps, t - s.startSeconds));
    });
    return level;
  };

  interface Plan {
    info: FrameInfo;
    poses: FigurePose[];
    caption: { image: Canvas; inkTop: number } | null;
  }

  /** Everything about a frame except its pixels: poses, boxes, caption. */
  const plan = (frame: number): Plan => {
    const t = frame / fps;
    const views = background.views[frame]!;
    const fg = views.foreground;
    const figures: FrameInfo['figures'] = [];
    const poses = looks.map((look, i) => {
      const mark = marks[i]!;
      const level = loudness(look.key, t);
      const blink = blinks[i]!.some((b) => t >= b && t < b + 0.12);
      const world = figureBounds(mark, look);
      const a = toScreen(fg, { x: world.x, y: world.y }, W, H);
      const b = toScreen(fg, { x: world.x + world.w, y: world.y + world.h }, W, H);
      figures.push({
        key: look.key,
        box: { x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y },
        mouthOpen: level,
      });
      return {
        face: faceShape(look.expression, 0.85 + level * 0.5),
        mouthOpen: level,
        time: t,
        phase: phases[i]!,
        blink,
      };
    });
    let caption: Plan['caption'] = null;
    if (input.captions) {
      const c = captionAt(t);
      if (c.action.trim() || c.line) {
        const key = JSON.stringify(c);
        caption = captionCache.get(key) ?? null;
        if (!caption) {
          const image = renderCaption(c, W, H);
          caption = { image, inkTop: firstInkedRow(image) };
          captionCache.set(key, caption);
        }
      }
    }
    return { info: { views, figures, captionTop: caption ? H - band : null }, poses, caption };
  };

  /**
   * The people and the caption, with the frame's pixel (dx, dy) at the context's origin; `only`, when
   * given, says which figures reach this region (the others would be culled anyway, after costing the
   * JS of drawing them).
   */
  const paintOver = (c: SKRSContext2D, p: Plan, dx: number, dy: number, only: boolean[] | null) => {
    const fg = p.info.views.foreground;
    c.setTransform(fg.zoom, 0, 0, fg.zoom, W / 2 - fg.cx * fg.zoom - dx, H / 2 - fg.cy * fg.zoom - dy);
    looks.forEach((look, i) => {
      if (only && !only[i]) return;
      drawFigure(c, marks[i]!, look, p.poses[i]!, style, H, 1 / fg.zoom);
    });
    c.setTransform(1, 0, 0, 1, 0, 0);
    if (p.caption) c.drawImage(p.caption.image, -dx, H - band - dy);
  };

  const resetState = (c: SKRSContext2D) => {
    c.setTransform(1, 0, 0, 1, 0, 0);
    c.globalAlpha = 1;
    c.globalCompositeOperation = 'source-over';
  };

  const draw = (frame: number): Plan => {
    const p = plan(frame);
    resetState(ctx);
    background.draw(ctx, frame);
    paintOver(ctx, p, 0, 0, null);
    return p;
  };

  // Region canvases by size: within a shot that holds its zoom the boxes keep their size (give or take a pixel).
  const regionCanvases = new Map<string, { canvas: Canvas; ctx: SKRSContext2D }>();
  const regionCanvas = (w: number, h: number) => {
    const key = `${w}x${h}`;
    let region = regionCanvases.get(key);
    if (!region) {
      const canvas = createCanvas(w, h);
      region = { canvas, ctx: canvas.getContext('2d', { alpha: false }) };
      // A pan that brings someone in from the edge clips their box to many widths: keep a few.
      if (regionCanvases.size >= 8) regionCanvases.delete(regionCanvases.keys().next().value!);
      regionCanvases.set(key, region);
    }
    return region;
  };

  return {
    frameCount,
    canvas,
    warnings,
    draw: (frame) => draw(frame).info,
    render(frame) {
      const set = background.pixels;
      const drawRegion = background.drawRegion;
      if (!set || !drawRegion) {
        // The set is resampled every frame: nothing to reuse, so the whole frame is read back.
        const p = draw(frame);
        return { info: p.info, pixels: canvas.data() };
      }
      const p = plan(frame);
      const out = Buffer.allocUnsafe(W * H * 4);
      const rowBytes = W * 4;
      const origin = set.origin(frame);
      let from = origin.y * set.stride + origin.x * 4;
      for (let y = 0, to = 0; y < H; y++, to += rowBytes, from += set.stride)
        set.data.copy(out, to, from, from + rowBytes);
      const boxes = p.info.figures.map((f) => pixelRect(f.box, REGION_MARGIN, REGION_ALIGN, W, H));
      const regions = mergeOverlapping(boxes.filter((b): b is PixelRect => b !== null));
      if (p.caption && p.caption.inkTop < band) {
        const top = H - band + p.caption.inkTop;
        regions.push(...subtractRects({ x: 0, y: top, w: W, h: H - top }, regions));
      }
      for (const r of regions) {
        const region = regionCanvas(r.w, r.h);
        resetState(region.ctx);
        drawRegion(region.ctx, frame, r.x, r.y, r.w, r.h);
        paintOver(
          region.ctx,
          p,
          r.x,
          r.y,
          boxes.map((b) => b !== null && overlaps(b, r)),
        );
        const pixels = region.canvas.data();
        const regionRow = r.w * 4;
        for (let y = 0; y < r.h; y++)
          pixels.copy(out, ((r.y + y) * W + r.x) * 4, y * regionRow, (y + 1) * regionRow);
      }
      return { info: p.info, pixels: out };
    },
  };
}

/** The first row of a caption image with any ink (its gradient starts some way down the band). */
function firstInkedRow(image: Canvas): number {
  const data = image.data();
  const row = image.width * 4;
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return Math.floor(i / row);
  return image.height;
}
