import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Mark } from '../camera/staging';
import { adjust, css, mix, type Rgb } from '../colour/rgb';
import type { StyleTreatment } from '../style/style-treatment';
import type { CharacterLook } from './character-look';
import type { FaceShape } from './expression';
import type { FigureLayout, Limb } from './figure-geometry';
import { drawForm } from './forms/draw-form';

/** The inside of an open mouth: one fixed colour, so tests can measure the opening on the pixels. */
export const MOUTH_INTERIOR: Rgb = { r: 92, g: 18, b: 36 };

export interface FigurePose {
  face: FaceShape;
  /** Speech-driven jaw opening, 0..1. */
  mouthOpen: number;
  /** Seconds into the shot, for the hologram's shimmer. */
  time: number;
  /** Eyes shut for this frame. */
  blink: boolean;
}

const SHOE: Rgb = { r: 45, g: 38, b: 36 };
/** What a seated figure sits on (a bollard, a chair): neutral, so it reads as furniture, not costume. */
export const SEAT_COLOUR: Rgb = { r: 92, g: 84, b: 78 };
const KEYBOARD: Rgb = { r: 38, g: 40, b: 46 };

/**
 * Draws a figure in plate coordinates (the caller sets the camera transform) exactly where its layout
 * says (figure-geometry.ts), so the boxes the sidecar and tests read are the ones drawn. `pixel` is the
 * size of one frame pixel in plate units, for outlines that stay the same width at any zoom.
 */
export function drawFigure(
  ctx: SKRSContext2D,
  mark: Mark,
  layout: FigureLayout,
  look: CharacterLook,
  pose: FigurePose,
  style: StyleTreatment,
  frameHeight: number,
  pixel: number,
): void {
  // Robots, animals, ghosts and aliens have drawers of their own (forms/); people and holograms are drawn here.
  if (drawForm(ctx, mark, layout, look, pose, style, frameHeight, pixel)) return;
  const h = mark.height;
  const tone = (c: Rgb) => style.grade(c);
  const { x, feet, hipY, shoulderY, torsoW } = layout;
  const sx = x + layout.lean;
  const line = style.lineWidth * frameHeight * pixel;
  const glow = look.hologram;
  const outline = (colour: Rgb) =>
    css(
      glow ? adjust(tone(colour), { lightness: 0.5, chroma: 0, hue: 0 }) : style.lineColour(tone(colour)),
      1,
    );

  const fill = (colour: Rgb, draw: () => void, alpha = 1) => {
    ctx.fillStyle = css(tone(colour), alpha);
    ctx.beginPath();
    draw();
    ctx.fill();
    if (line > 0 || glow) {
      ctx.lineWidth = glow ? Math.max(line, 2 * pixel) : line;
      ctx.strokeStyle = outline(colour);
      ctx.stroke();
    }
  };
  // A limb: a round-capped thick line, its outline drawn as a slightly thicker line underneath.
  const limb = (colour: Rgb, l: Limb) => {
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    const path = () => {
      ctx.beginPath();
      const [first, ...rest] = l.points;
      ctx.moveTo(first!.x, first!.y);
      for (const p of rest) ctx.lineTo(p.x, p.y);
    };
    const edge = glow ? Math.max(line, 2 * pixel) : line;
    if (edge > 0) {
      path();
      ctx.lineWidth = l.width + edge * 2;
      ctx.strokeStyle = outline(colour);
      ctx.stroke();
    }
    path();
    ctx.lineWidth = l.width;
    ctx.strokeStyle = css(tone(colour), 1);
    ctx.stroke();
  };

  ctx.save();
  if (layout.seat) {
    const s = layout.seat;
    fill(SEAT_COLOUR, () => ctx.roundRect(s.x, s.y, s.w, s.h, h * 0.02));
  }
  if (glow) {
    // Light, not matter: a halo behind, then a translucent body that adds to what is behind it.
    const halo = ctx.createRadialGradient(x, feet - h * 0.55, 0, x, feet - h * 0.55, h * 0.55);
    halo.addColorStop(0, css(tone(look.outfit), 0.45));
    halo.addColorStop(1, css(tone(look.outfit), 0));
    ctx.fillStyle = halo;
    ctx.fillRect(x - h * 0.55, feet - h * 1.08, h * 1.1, h * 1.08);
    ctx.globalAlpha = 0.62;
  }

  const trousers = adjust(look.outfitAccent, { lightness: -0.45, chroma: -0.02, hue: 0 });
  if (!glow) {
    for (const leg of layout.legs) limb(trousers, leg);
    for (const shoe of layout.feetBoxes)
      fill(SHOE, () => ctx.roundRect(shoe.x, shoe.y, shoe.w, shoe.h, h * 0.01));
  } else {
    // A hologram tapers into its beam instead of standing on legs.
    fill(look.outfit, () => {
      ctx.moveTo(x - h * 0.12 * look.width, hipY);
      ctx.lineTo(x + h * 0.12 * look.width, hipY);
      ctx.lineTo(x + h * 0.03, feet);
      ctx.lineTo(x - h * 0.03, feet);
      ctx.closePath();
    });
  }

  fill(look.outfit, () => {
    ctx.moveTo(sx - torsoW / 2, shoulderY + h * 0.02);
    ctx.quadraticCurveTo(sx - torsoW / 2, shoulderY, sx - torsoW * 0.35, shoulderY);
    ctx.lineTo(sx + torsoW * 0.35, shoulderY);
    ctx.quadraticCurveTo(sx + torsoW / 2, shoulderY, sx + torsoW / 2, shoulderY + h * 0.02);
    ctx.lineTo(x + torsoW * 0.42, hipY + h * 0.02);
    ctx.lineTo(x - torsoW * 0.42, hipY + h * 0.02);
    ctx.closePath();
  });
  // The second garment shows at the collar ("... over a white shirt").
  fill(look.outfitAccent, () => {
    ctx.moveTo(sx - torsoW * 0.14, shoulderY);
    ctx.lineTo(sx + torsoW * 0.14, shoulderY);
    ctx.lineTo(sx, shoulderY + h * 0.1);
    ctx.closePath();
  });
  if (layout.keyboard) {
    const k = layout.keyboard;
    fill(KEYBOARD, () => ctx.roundRect(k.x, k.y, k.w, k.h, h * 0.006));
  }
  const armDark = adjust(look.outfit, { lightness: -0.12, chroma: 0, hue: 0 });
  for (const arm of layout.arms) limb(armDark, arm);
  for (const hand of layout.hands)
    fill(look.skin, () => ctx.arc(hand.x, hand.y, layout.handR, 0, Math.PI * 2));

  const { x: headX, y: headY, rx, ry } = layout.head;
  fill(look.skin, () => ctx.rect(headX - rx * 0.35, headY + ry * 0.7, rx * 0.7, ry * 0.6));
  drawHairBack(ctx, look, headX, headY, rx, ry, fill);
  fill(look.skin, () => ctx.ellipse(headX, headY, rx, ry, 0, 0, Math.PI * 2));
  // A turned head shows its features toward the side it faces.
  const fx = headX + layout.turn * rx * 0.35;
  drawFace(ctx, look, pose, fx, headY, rx * (1 - 0.15 * Math.abs(layout.turn)), ry, tone, pixel);
  drawHairFront(look, headX, headY, rx, ry, fill, ctx);
  drawBrows(ctx, look, pose.face, fx, headY, rx * (1 - 0.15 * Math.abs(layout.turn)), ry, tone, pixel);
  if (look.glasses) {
    ctx.strokeStyle = css({ r: 40, g: 40, b: 48 }, 1);
    ctx.lineWidth = Math.max(pixel * 1.5, rx * 0.05);
    ctx.beginPath();
    ctx.arc(fx - rx * 0.38, headY - ry * 0.05, rx * 0.26, 0, Math.PI * 2);
    ctx.moveTo(fx + rx * 0.64, headY - ry * 0.05);
    ctx.arc(fx + rx * 0.38, headY - ry * 0.05, rx * 0.26, 0, Math.PI * 2);
    ctx.moveTo(fx - rx * 0.12, headY - ry * 0.08);
    ctx.lineTo(fx + rx * 0.12, headY - ry * 0.08);
    ctx.stroke();
  }
  if (glow) {
    // Scanlines drifting upward: the hologram's shimmer.
    ctx.globalAlpha = 0.25;
    ctx.fillStyle = css(adjust(tone(look.outfit), { lightness: 0.6, chroma: 0, hue: 0 }), 1);
    const step = h * 0.03;
    const drift = (pose.time * h * 0.05) % step;
    for (let y = feet - h * 1.0 - drift; y < feet; y += step)
      ctx.fillRect(x - h * 0.2, y, h * 0.4, step * 0.25);
  }
  ctx.restore();
}

type Fill = (colour: Rgb, draw: () => void, alpha?: number) => void;

function drawHairBack(
  ctx: SKRSContext2D,
  look: CharacterLook,
  x: number,
  y: number,
  rx: number,
  ry: number,
  fill: Fill,
): void {
  if (look.hairStyle === 'long')
    fill(look.hair, () => ctx.roundRect(x - rx * 1.15, y - ry * 0.6, rx * 2.3, ry * 2.3, rx * 0.6));
  if (look.hairStyle === 'bob')
    fill(look.hair, () => ctx.roundRect(x - rx * 1.18, y - ry * 0.7, rx * 2.36, ry * 1.55, rx * 0.5));
  if (look.hairStyle === 'ponytail')
    fill(look.hair, () =>
      ctx.ellipse(x + rx * 1.05, y + ry * 0.2, rx * 0.3, ry * 0.75, -0.3, 0, Math.PI * 2),
    );
}

function drawHairFront(
  look: CharacterLook,
  x: number,
  y: number,
  rx: number,
  ry: number,
  fill: Fill,
  ctx: SKRSContext2D,
): void {
  if (look.hairStyle === 'none' || look.hairStyle === 'bald') return;
  fill(look.hair, () => {
    ctx.ellipse(x, y - ry * 0.5, rx * 1.04, ry * 0.6, 0, Math.PI, 0);
    // A fringe across the forehead, lower at one side.
    ctx.quadraticCurveTo(x + rx * 0.4, y - ry * 0.46, x - rx * 1.04, y - ry * 0.5);
    ctx.closePath();
  });
}

function drawFace(
  ctx: SKRSContext2D,
  look: CharacterLook,
  pose: FigurePose,
  x: number,
  y: number,
  rx: number,
  ry: number,
  tone: (c: Rgb) => Rgb,
  pixel: number,
): void {
  const face = pose.face;
  const eyeY = y - ry * 0.05;
  const eyeDX = rx * 0.38;
  const eyeR = rx * 0.16;
  const open = pose.blink ? 0.08 : face.eyeOpen;
  for (const side of [-1, 1]) {
    const ex = x + side * eyeDX;
    ctx.fillStyle = '#fbfbf8';
    ctx.beginPath();
    ctx.ellipse(ex, eyeY, eyeR * 1.15, eyeR * open, 0, 0, Math.PI * 2);
    ctx.fill();
    if (!pose.blink) {
      ctx.fillStyle = css(tone(look.eyes), 1);
      ctx.beginPath();
      ctx.arc(ex, eyeY, Math.min(eyeR * 0.75, eyeR * open), 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = '#111';
      ctx.beginPath();
      ctx.arc(ex, eyeY, eyeR * 0.35 * Math.min(1, open), 0, Math.PI * 2);
      ctx.fill();
    }
  }
  const mouthY = y + ry * 0.5;
  const halfW = rx * 0.32 * face.mouthWidth;
  const opening = Math.max(face.restOpen * 0.6, pose.mouthOpen) * ry * 0.34;
  const curve = face.smile * ry * 0.14;
  ctx.lineWidth = Math.max(pixel * 1.5, ry * 0.04);
  ctx.strokeStyle = css(adjust(tone(look.skin), { lightness: -0.55, chroma: 0.03, hue: 0 }), 1);
  if (opening > pixel * 1.2) {
    ctx.fillStyle = css(MOUTH_INTERIOR, 1);
    ctx.beginPath();
    ctx.moveTo(x - halfW, mouthY - curve * 0.5);
    ctx.quadraticCurveTo(x, mouthY - opening * 0.35 + curve * 0.3, x + halfW, mouthY - curve * 0.5);
    ctx.quadraticCurveTo(x, mouthY + opening + curve, x - halfW, mouthY - curve * 0.5);
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
  } else {
    ctx.beginPath();
    ctx.moveTo(x - halfW, mouthY - curve * 0.5);
    ctx.quadraticCurveTo(x, mouthY + curve, x + halfW, mouthY - curve * 0.5);
    ctx.stroke();
  }
}

/** Brows go over the fringe, as in most cartoons, so an expression never hides under the hair. */
function drawBrows(
  ctx: SKRSContext2D,
  look: CharacterLook,
  face: FaceShape,
  x: number,
  y: number,
  rx: number,
  ry: number,
  tone: (c: Rgb) => Rgb,
  pixel: number,
): void {
  const eyeY = y - ry * 0.05;
  const eyeDX = rx * 0.38;
  const eyeR = rx * 0.16;
  for (const side of [-1, 1]) {
    const ex = x + side * eyeDX;
    // Brows: lift raises both ends, tilt drops the inner end (angry) or raises it (worried).
    const browY = eyeY - eyeR * 1.6 - face.browLift * ry * 0.18;
    const inner = ex - side * eyeR * 1.1;
    const outer = ex + side * eyeR * 1.2;
    ctx.strokeStyle = css(mix(tone(look.hair), { r: 30, g: 25, b: 20 }, 0.4), 1);
    ctx.lineWidth = Math.max(pixel * 1.5, ry * 0.05);
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(inner, browY + face.browTilt * ry * 0.1);
    ctx.lineTo(outer, browY - face.browTilt * ry * 0.03);
    ctx.stroke();
  }
}
