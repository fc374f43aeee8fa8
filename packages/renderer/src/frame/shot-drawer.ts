import { createRandom, type ShotContext } from '@ministudio/domain';
import { type Canvas, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { envelopeAt } from '../audio/envelope';
import { blockShot } from '../camera/blocking';
import { type FrameViews, toScreen, type View } from '../camera/framing';
import { burnedCaption, type Caption, captionBandHeight, renderCaption } from '../caption/draw-caption';
import { type CharacterLook, characterLook } from '../figure/character-look';
import { drawFigure } from '../figure/draw-figure';
import { faceShape } from '../figure/expression';
import type { FigureParts } from '../figure/figure-geometry';
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

/** A figure's part boxes in frame pixels (null: the figure has no such part). */
export type ScreenParts = { [K in keyof FigureParts]: FigureParts[K] extends Box ? Box : Box | null };

/** What was drawn in a frame, in frame pixels: enough for tests to tell the set from the people. */
export interface FrameInfo {
  views: FrameViews;
  /** `box` holds everything drawn for the figure; `parts` are where each part was drawn. */
  figures: { key: string; box: Box; parts: ScreenParts; mouthOpen: number }[];
  /** Top of the caption band when a caption was drawn, else null. */
  captionTop: number | null;
}

export interface ShotDrawer {
  frameCount: number;
  canvas: Canvas;
  /** Colour words not understood, poses not understood: what the take's notes should say. */
  warnings: string[];
  draw(frame: number): FrameInfo;
  /** Where every figure's parts are in a frame, without drawing it (the same numbers draw() uses). */
  figuresAt(frame: number): FrameInfo['figures'];
}

/** A plate-space box through a view, in frame pixels. */
export function boxToScreen(view: View, box: Box, width: number, height: number): Box {
  const a = toScreen(view, { x: box.x, y: box.y }, width, height);
  const b = toScreen(view, { x: box.x + box.w, y: box.y + box.h }, width, height);
  return { x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y };
}

export function partsToScreen(view: View, parts: FigureParts, width: number, height: number): ScreenParts {
  const to = (b: Box) => boxToScreen(view, b, width, height);
  return {
    figure: to(parts.figure),
    head: to(parts.head),
    face: to(parts.face),
    hair: parts.hair ? to(parts.hair) : null,
    outfit: to(parts.outfit),
    skin: to(parts.skin),
    torso: to(parts.torso),
  };
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
  const blocking = blockShot({
    shotType: shot.shotType,
    camera: shot.camera,
    action: shot.action,
    cast: looks.map((look, i) => ({ look, posture: shot.characters[i]!.state.posture ?? '' })),
    subject: subjectOf(shot),
    width: W,
    height: H,
    fps,
    durationSeconds: input.durationSeconds,
    seed: input.seed,
  });
  warnings.push(...blocking.notes);
  const blinks = looks.map((_, i) => blinkSchedule(input.seed + i * 7919, input.durationSeconds));
  const names = new Map(shot.characters.map((c) => [c.key, c.name]));

  const canvas = createCanvas(W, H);
  // Opaque frames: an alpha-free surface reads back several times faster, and RGBA bytes come out straight.
  const ctx: SKRSContext2D = canvas.getContext('2d', { alpha: false });
  const band = captionBandHeight(H);
  const captionCache = new Map<string, Canvas>();
  const background = createBackground(input.plate, blocking.views, W, H);

  const captionAt = (t: number): Caption => {
    const active = shot.speech.find((s) => t >= s.startSeconds && t < s.startSeconds + s.durationSeconds);
    const line = active
      ? {
          speaker: active.character === null ? 'Narrator' : (names.get(active.character) ?? active.character),
          text: active.text,
        }
      : null;
    return burnedCaption(shot.animaticText, shot.action, line);
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

  const figuresAt = (frame: number): FrameInfo['figures'] => {
    const t = frame / fps;
    const fg = background.views[frame]!.foreground;
    return looks.map((look, i) => {
      const parts = partsToScreen(fg, blocking.partsAt(i, frame), W, H);
      return { key: look.key, box: parts.figure, parts, mouthOpen: loudness(look.key, t) };
    });
  };

  return {
    frameCount,
    canvas,
    warnings,
    figuresAt,
    draw(frame: number): FrameInfo {
      const t = frame / fps;
      const views = background.views[frame]!;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.globalAlpha = 1;
      ctx.globalCompositeOperation = 'source-over';
      background.draw(ctx, frame);

      const fg = views.foreground;
      ctx.setTransform(fg.zoom, 0, 0, fg.zoom, W / 2 - fg.cx * fg.zoom, H / 2 - fg.cy * fg.zoom);
      looks.forEach((look, i) => {
        const level = loudness(look.key, t);
        const blink = blinks[i]!.some((b) => t >= b && t < b + 0.12);
        drawFigure(
          ctx,
          blocking.marks[i]!,
          blocking.layoutAt(i, frame),
          look,
          { face: faceShape(look.expression, 0.85 + level * 0.5), mouthOpen: level, time: t, blink },
          style,
          H,
          1 / fg.zoom,
        );
      });
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      const figures = figuresAt(frame);

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
