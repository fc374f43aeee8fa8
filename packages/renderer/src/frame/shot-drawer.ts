import { createRandom, type ShotContext } from '@ministudio/domain';
import { type Canvas, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { envelopeAt } from '../audio/envelope';
import { cameraAt, type FrameViews, toScreen } from '../camera/framing';
import { focusFor, type Mark, stageCast } from '../camera/staging';
import { type Caption, captionBandHeight, renderCaption } from '../caption/draw-caption';
import { type CharacterLook, characterLook } from '../figure/character-look';
import { drawFigure, figureBounds } from '../figure/draw-figure';
import { faceShape } from '../figure/expression';
import { styleTreatment } from '../style/style-treatment';
import { createBackground } from './background';

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
  canvas: Canvas;
  warnings: string[];
  draw(frame: number): FrameInfo;
}

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
  const captionCache = new Map<string, Canvas>();
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

  return {
    frameCount,
    canvas,
    warnings,
    draw(frame: number): FrameInfo {
      const t = frame / fps;
      const views = background.views[frame]!;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.globalAlpha = 1;
      ctx.globalCompositeOperation = 'source-over';
      background.draw(ctx, frame);

      const fg = views.foreground;
      ctx.setTransform(fg.zoom, 0, 0, fg.zoom, W / 2 - fg.cx * fg.zoom, H / 2 - fg.cy * fg.zoom);
      const figures: FrameInfo['figures'] = [];
      looks.forEach((look, i) => {
        const mark = marks[i]!;
        const level = loudness(look.key, t);
        const blink = blinks[i]!.some((b) => t >= b && t < b + 0.12);
        drawFigure(
          ctx,
          mark,
          look,
          {
            face: faceShape(look.expression, 0.85 + level * 0.5),
            mouthOpen: level,
            time: t,
            phase: phases[i]!,
            blink,
          },
          style,
          H,
          1 / fg.zoom,
        );
        const world = figureBounds(mark, look);
        const a = toScreen(fg, { x: world.x, y: world.y }, W, H);
        const b = toScreen(fg, { x: world.x + world.w, y: world.y + world.h }, W, H);
        figures.push({
          key: look.key,
          box: { x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y },
          mouthOpen: level,
        });
      });
      ctx.setTransform(1, 0, 0, 1, 0, 0);

      let captionTop: number | null = null;
      if (input.captions) {
        const caption = captionAt(t);
        if (caption.action.trim() || caption.line) {
          const key = JSON.stringify(caption);
          let image = captionCache.get(key);
          if (!image) {
            image = renderCaption(caption, W, H);
            captionCache.set(key, image);
          }
          ctx.drawImage(image, 0, H - band);
          captionTop = H - band;
        }
      }
      return { views, figures, captionTop };
    },
  };
}
