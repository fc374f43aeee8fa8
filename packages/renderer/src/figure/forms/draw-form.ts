import type { SKRSContext2D } from '@napi-rs/canvas';
import type { Mark } from '../../camera/staging';
import { adjust, css, mix, type Rgb } from '../../colour/rgb';
import type { StyleTreatment } from '../../style/style-treatment';
import type { CharacterLook } from '../character-look';
import type { FigurePose } from '../draw-figure';
import type { FigureLayout, Limb } from '../figure-geometry';

// Bodies that are not a person's. Each drawer works from the same layout as a person (figure-geometry),
// so the head is where the staging, the camera and the region sidecar think it is: a robot's box head and
// a cat's head sit on the layout's head, a robot's limbs follow the layout's limbs. Animals are staged at
// their own size through the look's height factor (character-look.ts).

type Ctx = SKRSContext2D;
const OPEN_MOUTH: Rgb = { r: 92, g: 18, b: 36 };
const shade = (c: Rgb, lightness: number) => adjust(c, { lightness, chroma: 0, hue: 0 });

interface Paint {
  ctx: Ctx;
  tone: (c: Rgb) => Rgb;
  fill: (colour: Rgb, draw: () => void, alpha?: number) => void;
  limb: (colour: Rgb, l: Limb, width?: number) => void;
  pixel: number;
}

function painter(ctx: Ctx, style: StyleTreatment, frameHeight: number, pixel: number, glow: boolean): Paint {
  const tone = (c: Rgb) => style.grade(c);
  const line = style.lineWidth * frameHeight * pixel;
  const edge = glow ? Math.max(line, 2 * pixel) : line;
  const outline = (c: Rgb) =>
    css(glow ? adjust(tone(c), { lightness: 0.5, chroma: 0, hue: 0 }) : style.lineColour(tone(c)), 1);
  return {
    ctx,
    tone,
    pixel,
    fill(colour, draw, alpha = 1) {
      ctx.fillStyle = css(tone(colour), alpha);
      ctx.beginPath();
      draw();
      ctx.fill();
      if (edge > 0) {
        ctx.lineWidth = edge;
        ctx.strokeStyle = outline(colour);
        ctx.stroke();
      }
    },
    limb(colour, l, width = l.width) {
      ctx.lineCap = 'round';
      ctx.lineJoin = 'round';
      const path = () => {
        ctx.beginPath();
        const [first, ...rest] = l.points;
        ctx.moveTo(first!.x, first!.y);
        for (const p of rest) ctx.lineTo(p.x, p.y);
      };
      if (edge > 0) {
        path();
        ctx.lineWidth = width + edge * 2;
        ctx.strokeStyle = outline(colour);
        ctx.stroke();
      }
      path();
      ctx.lineWidth = width;
      ctx.strokeStyle = css(tone(colour), 1);
      ctx.stroke();
    },
  };
}

/** Eyes shut on a blink, else open; the same blink the people have. */
function eyes(
  p: Paint,
  look: CharacterLook,
  pose: FigurePose,
  x: number,
  y: number,
  dx: number,
  r: number,
): void {
  for (const side of [-1, 1]) {
    const ex = x + side * dx;
    if (pose.blink) {
      p.ctx.strokeStyle = '#1b1b1b';
      p.ctx.lineWidth = Math.max(p.pixel * 1.5, r * 0.3);
      p.ctx.beginPath();
      p.ctx.moveTo(ex - r, y);
      p.ctx.lineTo(ex + r, y);
      p.ctx.stroke();
      continue;
    }
    p.ctx.fillStyle = '#fbfbf8';
    p.ctx.beginPath();
    p.ctx.ellipse(ex, y, r, r * 1.1, 0, 0, Math.PI * 2);
    p.ctx.fill();
    p.ctx.fillStyle = css(p.tone(look.eyes), 1);
    p.ctx.beginPath();
    p.ctx.arc(ex, y, r * 0.7, 0, Math.PI * 2);
    p.ctx.fill();
    p.ctx.fillStyle = '#111';
    p.ctx.beginPath();
    p.ctx.ellipse(ex, y, r * 0.25, r * 0.6, 0, 0, Math.PI * 2);
    p.ctx.fill();
  }
}

/** A mouth that opens with the speech: the same interior colour as a person's, so it measures the same. */
function mouth(p: Paint, x: number, y: number, w: number, open: number, lip: Rgb): void {
  const { ctx } = p;
  ctx.strokeStyle = css(lip, 1);
  ctx.lineWidth = Math.max(p.pixel * 1.5, w * 0.12);
  if (open > 0.05) {
    ctx.fillStyle = css(OPEN_MOUTH, 1);
    ctx.beginPath();
    ctx.ellipse(x, y + w * open * 0.3, w * 0.5, w * (0.15 + open * 0.45), 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
  } else {
    ctx.beginPath();
    ctx.moveTo(x - w / 2, y);
    ctx.quadraticCurveTo(x, y + w * 0.2, x + w / 2, y);
    ctx.stroke();
  }
}

function drawRobot(p: Paint, mark: Mark, layout: FigureLayout, look: CharacterLook, pose: FigurePose): void {
  const { ctx, fill } = p;
  const h = mark.height;
  const metal = look.skin;
  const dark = shade(metal, -0.35);
  const { x, hipY, shoulderY, torsoW, head } = layout;
  const sx = x + layout.lean;
  // Legs and arms: jointed rods with round joints.
  for (const leg of layout.legs) {
    p.limb(dark, leg);
    for (const joint of leg.points.slice(1, -1))
      fill(metal, () => ctx.arc(joint.x, joint.y, leg.width * 0.55, 0, Math.PI * 2));
  }
  for (const foot of layout.feetBoxes) fill(dark, () => ctx.rect(foot.x, foot.y, foot.w, foot.h));
  // A boxy torso with a chest panel of lights.
  fill(metal, () =>
    ctx.roundRect(sx - torsoW / 2, shoulderY, torsoW, hipY - shoulderY + h * 0.03, h * 0.015),
  );
  fill(dark, () => ctx.rect(sx - torsoW * 0.3, shoulderY + h * 0.05, torsoW * 0.6, h * 0.1));
  const lights = ['#3cff9a', '#ffb030', '#2fd0ff'];
  lights.forEach((colour, i) => {
    const on = Math.floor(pose.time * 2 + i) % 3 !== 0;
    ctx.fillStyle = on ? colour : '#333';
    ctx.beginPath();
    ctx.arc(sx - torsoW * 0.18 + i * torsoW * 0.18, shoulderY + h * 0.1, h * 0.014, 0, Math.PI * 2);
    ctx.fill();
  });
  for (const arm of layout.arms) {
    p.limb(shade(metal, -0.15), arm);
    for (const joint of arm.points.slice(0, -1))
      fill(metal, () => ctx.arc(joint.x, joint.y, arm.width * 0.6, 0, Math.PI * 2));
  }
  for (const hand of layout.hands) fill(dark, () => ctx.arc(hand.x, hand.y, layout.handR, 0, Math.PI * 2));
  // Neck, then a square head with an antenna, a visor and a speaker grille for a mouth.
  fill(dark, () => ctx.rect(head.x - head.rx * 0.3, head.y + head.ry * 0.8, head.rx * 0.6, head.ry * 0.5));
  ctx.strokeStyle = css(p.tone(dark), 1);
  ctx.lineWidth = Math.max(p.pixel, head.rx * 0.08);
  ctx.beginPath();
  ctx.moveTo(head.x, head.y - head.ry);
  ctx.lineTo(head.x, head.y - head.ry * 1.35);
  ctx.stroke();
  fill({ r: 255, g: 80, b: 60 }, () =>
    ctx.arc(head.x, head.y - head.ry * 1.4, head.rx * 0.14, 0, Math.PI * 2),
  );
  fill(metal, () =>
    ctx.roundRect(head.x - head.rx * 1.05, head.y - head.ry, head.rx * 2.1, head.ry * 1.95, head.rx * 0.18),
  );
  fill({ r: 20, g: 24, b: 30 }, () =>
    ctx.roundRect(
      head.x - head.rx * 0.8,
      head.y - head.ry * 0.45,
      head.rx * 1.6,
      head.ry * 0.5,
      head.rx * 0.2,
    ),
  );
  const eyeGlow = mix(look.eyes, { r: 120, g: 240, b: 255 }, 0.5);
  for (const side of [-1, 1]) {
    ctx.fillStyle = css(p.tone(eyeGlow), pose.blink ? 0.25 : 1);
    ctx.beginPath();
    ctx.ellipse(
      head.x + side * head.rx * 0.4,
      head.y - head.ry * 0.2,
      head.rx * 0.2,
      head.ry * 0.12,
      0,
      0,
      Math.PI * 2,
    );
    ctx.fill();
  }
  const grilleW = head.rx * 1.0;
  const grilleH = head.ry * (0.12 + pose.mouthOpen * 0.34);
  ctx.fillStyle = css(OPEN_MOUTH, pose.mouthOpen > 0.05 ? 1 : 0);
  ctx.fillRect(head.x - grilleW / 2, head.y + head.ry * 0.4, grilleW, grilleH);
  ctx.strokeStyle = css(p.tone(dark), 1);
  ctx.lineWidth = Math.max(p.pixel, head.ry * 0.04);
  ctx.strokeRect(head.x - grilleW / 2, head.y + head.ry * 0.4, grilleW, grilleH);
  for (let k = 1; k < 5; k++) {
    const gx = head.x - grilleW / 2 + (grilleW / 5) * k;
    ctx.beginPath();
    ctx.moveTo(gx, head.y + head.ry * 0.4);
    ctx.lineTo(gx, head.y + head.ry * 0.4 + grilleH);
    ctx.stroke();
  }
}

function drawAlien(p: Paint, mark: Mark, layout: FigureLayout, look: CharacterLook, pose: FigurePose): void {
  const { ctx, fill } = p;
  const h = mark.height;
  const { x, hipY, shoulderY, torsoW, head } = layout;
  const sx = x + layout.lean;
  const skin = look.skin;
  for (const leg of layout.legs) p.limb(shade(skin, -0.1), leg, leg.width * 0.7);
  fill(look.outfit, () => {
    ctx.moveTo(sx - torsoW * 0.38, shoulderY);
    ctx.lineTo(sx + torsoW * 0.38, shoulderY);
    ctx.lineTo(x + torsoW * 0.3, hipY + h * 0.02);
    ctx.lineTo(x - torsoW * 0.3, hipY + h * 0.02);
    ctx.closePath();
  });
  for (const arm of layout.arms) p.limb(skin, arm, arm.width * 0.6);
  for (const hand of layout.hands)
    fill(skin, () => ctx.arc(hand.x, hand.y, layout.handR * 0.8, 0, Math.PI * 2));
  fill(skin, () => ctx.rect(head.x - head.rx * 0.2, head.y + head.ry * 0.6, head.rx * 0.4, head.ry * 0.7));
  // A big domed head narrowing to a small chin, with large dark almond eyes.
  fill(skin, () => {
    ctx.moveTo(head.x, head.y + head.ry * 1.0);
    ctx.bezierCurveTo(
      head.x + head.rx * 1.5,
      head.y + head.ry * 0.2,
      head.x + head.rx * 1.45,
      head.y - head.ry * 1.35,
      head.x,
      head.y - head.ry * 1.3,
    );
    ctx.bezierCurveTo(
      head.x - head.rx * 1.45,
      head.y - head.ry * 1.35,
      head.x - head.rx * 1.5,
      head.y + head.ry * 0.2,
      head.x,
      head.y + head.ry * 1.0,
    );
    ctx.closePath();
  });
  for (const side of [-1, 1]) {
    ctx.fillStyle = pose.blink ? css(p.tone(shade(skin, -0.3)), 1) : '#101014';
    ctx.beginPath();
    ctx.ellipse(
      head.x + side * head.rx * 0.5,
      head.y - head.ry * 0.1,
      head.rx * 0.42,
      head.ry * (pose.blink ? 0.05 : 0.24),
      side * 0.45,
      0,
      Math.PI * 2,
    );
    ctx.fill();
  }
  mouth(p, head.x, head.y + head.ry * 0.6, head.rx * 0.4, pose.mouthOpen, p.tone(shade(skin, -0.5)));
}

function drawGhost(p: Paint, mark: Mark, layout: FigureLayout, look: CharacterLook, pose: FigurePose): void {
  const { ctx } = p;
  const h = mark.height;
  const { head, shoulderY, torsoW } = layout;
  const bob = Math.sin(pose.time * 1.7) * h * 0.015;
  const glow = ctx.createRadialGradient(head.x, head.y + h * 0.2, 0, head.x, head.y + h * 0.2, h * 0.5);
  glow.addColorStop(0, css(p.tone(look.skin), 0.35));
  glow.addColorStop(1, css(p.tone(look.skin), 0));
  ctx.fillStyle = glow;
  ctx.fillRect(head.x - h * 0.5, head.y - h * 0.3, h, h * 1.0);
  // A sheet: a dome over the head widening to a wavy hem that floats above the floor.
  const top = head.y - head.ry * 1.2 + bob;
  const hem = layout.feet - h * 0.12 + bob;
  const half = Math.max(torsoW * 0.75, head.rx * 1.4);
  ctx.globalAlpha = 0.78;
  p.fill(look.skin, () => {
    ctx.moveTo(head.x - half, hem);
    ctx.bezierCurveTo(head.x - half, shoulderY, head.x - head.rx * 1.5, top, head.x, top);
    ctx.bezierCurveTo(head.x + head.rx * 1.5, top, head.x + half, shoulderY, head.x + half, hem);
    const waves = 4;
    for (let i = waves; i > 0; i--) {
      const x0 = head.x - half + ((2 * half) / waves) * i;
      const wave = Math.sin(pose.time * 3 + i) * h * 0.02;
      ctx.quadraticCurveTo(x0 - half / waves, hem + h * 0.06 + wave, x0 - (2 * half) / waves, hem);
    }
    ctx.closePath();
  });
  ctx.globalAlpha = 1;
  for (const side of [-1, 1]) {
    ctx.fillStyle = '#1c1f2a';
    ctx.beginPath();
    ctx.ellipse(
      head.x + side * head.rx * 0.42,
      head.y - head.ry * 0.05 + bob,
      head.rx * 0.22,
      head.ry * (pose.blink ? 0.04 : 0.3),
      0,
      0,
      Math.PI * 2,
    );
    ctx.fill();
  }
  mouth(p, head.x, head.y + head.ry * 0.55 + bob, head.rx * 0.55, pose.mouthOpen, { r: 40, g: 44, b: 60 });
}

/** Four legs (cat, dog: sitting, facing the camera) or two (bird: side on); the head on the layout's head. */
function drawAnimal(p: Paint, mark: Mark, layout: FigureLayout, look: CharacterLook, pose: FigurePose): void {
  const { ctx, fill } = p;
  const h = mark.height;
  const { head, feet } = layout;
  const coat = look.skin;
  const dark = shade(coat, -0.3);
  const face = look.form === 'bird' ? 0.5 : 1.55;
  const r = head.rx * face;
  // The body trails away from the head: to the left of it when the figure stands left of its mark.
  const dir = layout.turn < 0 ? -1 : 1;
  if (look.form === 'bird') {
    const bodyY = feet - h * 0.42;
    for (const side of [-1, 1]) {
      ctx.strokeStyle = css(p.tone({ r: 210, g: 150, b: 60 }), 1);
      ctx.lineWidth = Math.max(p.pixel, h * 0.02);
      ctx.beginPath();
      ctx.moveTo(head.x + side * h * 0.06, bodyY + h * 0.2);
      ctx.lineTo(head.x + side * h * 0.07, feet);
      ctx.stroke();
    }
    fill(dark, () => {
      ctx.moveTo(head.x - dir * h * 0.15, bodyY + h * 0.05);
      ctx.lineTo(head.x - dir * h * 0.42, bodyY + h * 0.22);
      ctx.lineTo(head.x - dir * h * 0.36, bodyY + h * 0.1);
      ctx.closePath();
    });
    fill(coat, () =>
      ctx.ellipse(head.x - dir * h * 0.04, bodyY, h * 0.2, h * 0.27, dir * 0.5, 0, Math.PI * 2),
    );
    fill(shade(coat, -0.15), () =>
      ctx.ellipse(head.x - dir * h * 0.1, bodyY, h * 0.13, h * 0.19, dir * 0.6, 0, Math.PI * 2),
    );
    const hr = h * 0.14;
    fill(coat, () => ctx.arc(head.x, head.y, hr, 0, Math.PI * 2));
    // The beak opens with the speech.
    const open = pose.mouthOpen * hr * 0.5;
    fill({ r: 240, g: 170, b: 40 }, () => {
      ctx.moveTo(head.x + dir * hr * 0.7, head.y - hr * 0.15);
      ctx.lineTo(head.x + dir * hr * 1.7, head.y - open * 0.3);
      ctx.lineTo(head.x + dir * hr * 0.7, head.y + hr * 0.05);
      ctx.closePath();
    });
    fill({ r: 230, g: 150, b: 30 }, () => {
      ctx.moveTo(head.x + dir * hr * 0.7, head.y + hr * 0.12);
      ctx.lineTo(head.x + dir * hr * 1.5, head.y + hr * 0.15 + open);
      ctx.lineTo(head.x + dir * hr * 0.7, head.y + hr * 0.3);
      ctx.closePath();
    });
    ctx.fillStyle = '#111';
    ctx.beginPath();
    ctx.arc(head.x + dir * hr * 0.3, head.y - hr * 0.25, pose.blink ? hr * 0.03 : hr * 0.14, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  const dog = look.form === 'dog';
  // Sitting, facing the camera: haunches and hind paws at the sides, front legs down the middle. Compact,
  // so it fits the width the staging gave it and never lies across a neighbour.
  const wag = Math.sin(pose.time * (dog ? 9 : 2)) * h * 0.04;
  ctx.strokeStyle = css(p.tone(coat), 1);
  ctx.lineCap = 'round';
  ctx.lineWidth = h * (dog ? 0.06 : 0.05);
  ctx.beginPath();
  ctx.moveTo(head.x + dir * h * 0.18, feet - h * 0.06);
  ctx.quadraticCurveTo(
    head.x + dir * h * 0.42,
    feet - h * 0.04,
    head.x + dir * h * 0.36 + wag,
    feet - h * (dog ? 0.3 : 0.36),
  );
  ctx.stroke();
  for (const side of [-1, 1]) {
    fill(shade(coat, -0.08), () =>
      ctx.ellipse(head.x + side * h * 0.16, feet - h * 0.13, h * 0.13, h * 0.13, 0, 0, Math.PI * 2),
    );
    fill(shade(coat, -0.15), () =>
      ctx.ellipse(head.x + side * h * 0.22, feet - h * 0.02, h * 0.07, h * 0.03, 0, 0, Math.PI * 2),
    );
  }
  fill(coat, () => ctx.ellipse(head.x, feet - h * 0.38, h * 0.2, h * 0.38, 0, 0, Math.PI * 2));
  fill(mix(coat, { r: 245, g: 240, b: 230 }, 0.35), () =>
    ctx.ellipse(head.x, feet - h * 0.48, h * 0.1, h * 0.2, 0, 0, Math.PI * 2),
  );
  const legW = h * 0.065;
  for (const side of [-1, 1]) {
    const lx = head.x + side * h * 0.075;
    fill(coat, () => ctx.roundRect(lx - legW / 2, feet - h * 0.45, legW, h * 0.44, legW * 0.4));
    fill(shade(coat, -0.1), () =>
      ctx.ellipse(lx, feet - h * 0.02, legW * 0.7, legW * 0.4, 0, 0, Math.PI * 2),
    );
  }
  // Ears: pointed for a cat, floppy for a dog.
  if (!dog) {
    for (const side of [-1, 1]) {
      fill(coat, () => {
        ctx.moveTo(head.x + side * r * 0.85, head.y - r * 0.35);
        ctx.lineTo(head.x + side * r * 0.7, head.y - r * 1.35);
        ctx.lineTo(head.x + side * r * 0.1, head.y - r * 0.8);
        ctx.closePath();
      });
    }
  }
  fill(coat, () => ctx.ellipse(head.x, head.y, r, r * 0.9, 0, 0, Math.PI * 2));
  if (dog) {
    for (const side of [-1, 1])
      fill(dark, () =>
        ctx.ellipse(
          head.x + side * r * 0.95,
          head.y + r * 0.1,
          r * 0.28,
          r * 0.6,
          side * -0.3,
          0,
          Math.PI * 2,
        ),
      );
  }
  // A muzzle, a nose, then eyes and the mouth under the nose.
  const muzzle = mix(coat, { r: 245, g: 240, b: 230 }, 0.45);
  fill(muzzle, () =>
    ctx.ellipse(head.x, head.y + r * 0.4, r * (dog ? 0.5 : 0.42), r * (dog ? 0.36 : 0.28), 0, 0, Math.PI * 2),
  );
  fill(dog ? { r: 30, g: 26, b: 26 } : { r: 230, g: 130, b: 140 }, () => {
    ctx.moveTo(head.x - r * 0.13, head.y + r * 0.22);
    ctx.lineTo(head.x + r * 0.13, head.y + r * 0.22);
    ctx.lineTo(head.x, head.y + r * 0.36);
    ctx.closePath();
  });
  eyes(p, look, pose, head.x, head.y - r * 0.15, r * 0.4, r * 0.17);
  mouth(p, head.x, head.y + r * 0.5, r * 0.35, pose.mouthOpen, p.tone(shade(coat, -0.5)));
  if (!dog) {
    // Whiskers.
    ctx.strokeStyle = 'rgba(240,240,240,0.8)';
    ctx.lineWidth = Math.max(p.pixel * 0.8, r * 0.02);
    for (const side of [-1, 1])
      for (const k of [-1, 0, 1]) {
        ctx.beginPath();
        ctx.moveTo(head.x + side * r * 0.3, head.y + r * 0.42);
        ctx.lineTo(head.x + side * r * 1.1, head.y + r * (0.35 + k * 0.1));
        ctx.stroke();
      }
  }
}

/**
 * Draws a non-human form and returns true, or returns false for a person or a hologram (the person
 * drawer draws those). The figure drawer calls this first: its one hook into the forms.
 */
export function drawForm(
  ctx: Ctx,
  mark: Mark,
  layout: FigureLayout,
  look: CharacterLook,
  pose: FigurePose,
  style: StyleTreatment,
  frameHeight: number,
  pixel: number,
): boolean {
  if (look.form === 'human' || look.form === 'hologram') return false;
  const p = painter(ctx, style, frameHeight, pixel, look.form === 'ghost');
  ctx.save();
  if (look.form === 'robot') drawRobot(p, mark, layout, look, pose);
  else if (look.form === 'alien') drawAlien(p, mark, layout, look, pose);
  else if (look.form === 'ghost') drawGhost(p, mark, layout, look, pose);
  else drawAnimal(p, mark, layout, look, pose);
  ctx.restore();
  return true;
}
