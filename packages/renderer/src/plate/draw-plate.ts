import { createRandom } from '@ministudio/domain';
import type { SKRSContext2D } from '@napi-rs/canvas';
import { adjust, css, mix, type Rgb } from '../colour/rgb';
import {
  drawBed,
  drawBoat,
  drawBuilding,
  drawChair,
  drawConsole,
  drawDoor,
  drawLens,
  drawMountains,
  drawQuay,
  drawRoad,
  drawSea,
  drawSky,
  drawStreetLamp,
  drawTable,
  drawTrees,
  drawUnknown,
  drawWall,
} from './draw-set-pieces';
import type { ElementKind, PlateElement, PlateSpec } from './plate-spec';

type Ctx = SKRSContext2D;

function outlined(ctx: Ctx, spec: PlateSpec, fill: Rgb, draw: () => void): void {
  ctx.fillStyle = css(fill, 1);
  ctx.beginPath();
  draw();
  ctx.fill();
  if (spec.lineWidth > 0) {
    ctx.lineWidth = spec.lineWidth;
    ctx.strokeStyle = css(spec.lineColour(fill), 1);
    ctx.stroke();
  }
}

function box(ctx: Ctx, spec: PlateSpec, fill: Rgb, x: number, y: number, w: number, h: number): void {
  outlined(ctx, spec, fill, () => ctx.rect(x, y, w, h));
}

function drawWindow(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  const sky = ctx.createLinearGradient(0, e.y, 0, e.y + e.h);
  sky.addColorStop(0, css(spec.sky[0], 1));
  sky.addColorStop(1, css(spec.sky[1], 1));
  const frame = adjust(e.colour, { lightness: 0.1, chroma: 0, hue: 0 });
  ctx.save();
  ctx.beginPath();
  if (spec.roundWindow) {
    const r = Math.min(e.w, e.h) / 2;
    ctx.arc(e.x + e.w / 2, e.y + e.h / 2, r, 0, Math.PI * 2);
  } else ctx.rect(e.x, e.y, e.w, e.h);
  ctx.fillStyle = sky;
  ctx.fill();
  ctx.clip();
  // The town outside: a row of roofs, lit windows when the sky is dark.
  const random = createRandom(e.detailSeed);
  const dark = spec.sky[0].r + spec.sky[0].g + spec.sky[0].b < 200;
  for (let x = e.x; x < e.x + e.w; x += e.w / 9) {
    const h = e.h * (0.12 + random() * 0.18);
    ctx.fillStyle = css(mix(spec.sky[0], { r: 40, g: 40, b: 60 }, 0.6), 1);
    ctx.fillRect(x, e.y + e.h - h, e.w / 9 + 1, h);
    if (dark && random() > 0.4) {
      ctx.fillStyle = '#ffd77a';
      ctx.fillRect(x + e.w / 30, e.y + e.h - h * 0.7, e.w / 40, e.w / 40);
    }
  }
  ctx.restore();
  ctx.lineWidth = Math.max(2, e.w * 0.04);
  ctx.strokeStyle = css(frame, 1);
  ctx.beginPath();
  if (spec.roundWindow) {
    const r = Math.min(e.w, e.h) / 2;
    const cx = e.x + e.w / 2;
    const cy = e.y + e.h / 2;
    ctx.arc(cx, cy, r, 0, Math.PI * 2);
    ctx.moveTo(cx - r, cy);
    ctx.lineTo(cx + r, cy);
    ctx.moveTo(cx, cy - r);
    ctx.lineTo(cx, cy + r);
  } else {
    ctx.rect(e.x, e.y, e.w, e.h);
    ctx.moveTo(e.x + e.w / 2, e.y);
    ctx.lineTo(e.x + e.w / 2, e.y + e.h);
  }
  ctx.stroke();
}

function drawShelves(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  box(ctx, spec, e.colour, e.x, e.y, e.w, e.h);
  const random = createRandom(e.detailSeed);
  const rows = 5;
  const inner = adjust(e.colour, { lightness: -0.35, chroma: 0, hue: 0 });
  for (let r = 0; r < rows; r++) {
    const y = e.y + (e.h / rows) * r + e.h * 0.02;
    const rowH = e.h / rows - e.h * 0.04;
    ctx.fillStyle = css(inner, 1);
    ctx.fillRect(e.x + e.w * 0.05, y, e.w * 0.9, rowH);
    let x = e.x + e.w * 0.06;
    while (x < e.x + e.w * 0.92) {
      const bw = e.w * (0.03 + random() * 0.04);
      const bh = rowH * (0.6 + random() * 0.38);
      const hue = random() * 360;
      const spine = adjust(mix(e.accent, e.colour, random()), {
        lightness: random() * 0.3 - 0.15,
        chroma: 0.02,
        hue,
      });
      ctx.fillStyle = css(spine, 1);
      ctx.fillRect(x, y + rowH - bh, Math.min(bw, e.x + e.w * 0.94 - x), bh);
      x += bw + e.w * 0.005;
    }
  }
}

function drawRacks(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  const random = createRandom(e.detailSeed);
  const count = 3;
  const rw = e.w / count;
  for (let i = 0; i < count; i++) {
    const x = e.x + i * rw;
    box(
      ctx,
      spec,
      adjust(e.colour, { lightness: -0.5, chroma: 0, hue: 0 }),
      x + rw * 0.05,
      e.y,
      rw * 0.9,
      e.h,
    );
    for (let y = e.y + e.h * 0.04; y < e.y + e.h * 0.95; y += e.h / 16) {
      ctx.fillStyle = css(adjust(e.colour, { lightness: -0.3, chroma: 0, hue: 0 }), 1);
      ctx.fillRect(x + rw * 0.12, y, rw * 0.76, e.h / 22);
      ctx.fillStyle = random() > 0.5 ? '#3cff9a' : random() > 0.5 ? '#ffb030' : '#2fd0ff';
      ctx.fillRect(x + rw * 0.7, y + e.h / 80, rw * 0.05, e.h / 60);
    }
  }
}

function drawMonitors(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  // As many screens as fit side by side at a screen's proportions.
  const count = Math.max(1, Math.min(4, Math.round(e.w / (e.h * 1.5))));
  for (let i = 0; i < count; i++) {
    const w = e.w / count;
    const x = e.x + i * w + w * 0.08;
    box(ctx, spec, { r: 25, g: 28, b: 35 }, x, e.y, w * 0.84, e.h * 0.7);
    const glow = ctx.createLinearGradient(0, e.y, 0, e.y + e.h * 0.7);
    glow.addColorStop(0, css(mix(e.colour, { r: 120, g: 230, b: 255 }, 0.6), 1));
    glow.addColorStop(1, css(e.colour, 1));
    ctx.fillStyle = glow;
    ctx.fillRect(x + w * 0.05, e.y + e.h * 0.05, w * 0.74, e.h * 0.6);
    ctx.fillStyle = '#202328';
    ctx.fillRect(x + w * 0.37, e.y + e.h * 0.7, w * 0.1, e.h * 0.3);
  }
}

function drawPlants(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  const random = createRandom(e.detailSeed);
  const pots = 3;
  for (let i = 0; i < pots; i++) {
    const cx = e.x + (e.w / pots) * (i + 0.5);
    const drop = e.h * (0.3 + random() * 0.5);
    ctx.strokeStyle = css(adjust(e.colour, { lightness: -0.4, chroma: 0, hue: 0 }), 1);
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(cx, 0);
    ctx.lineTo(cx, e.y + drop);
    ctx.stroke();
    for (let leaf = 0; leaf < 7; leaf++) {
      const lx = cx + (random() - 0.5) * e.w * 0.25;
      const ly = e.y + drop + random() * e.h * 0.45;
      outlined(ctx, spec, adjust(e.colour, { lightness: random() * 0.3 - 0.1, chroma: 0, hue: 0 }), () =>
        ctx.ellipse(lx, ly, e.w * 0.05, e.h * 0.07, random() * Math.PI, 0, Math.PI * 2),
      );
    }
    box(ctx, spec, { r: 176, g: 96, b: 64 }, cx - e.w * 0.06, e.y + drop - e.h * 0.08, e.w * 0.12, e.h * 0.1);
  }
}

function drawDesk(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  const top = e.h * 0.18;
  box(
    ctx,
    spec,
    adjust(e.colour, { lightness: -0.2, chroma: 0, hue: 0 }),
    e.x + e.w * 0.04,
    e.y + top,
    e.w * 0.08,
    e.h,
  );
  box(
    ctx,
    spec,
    adjust(e.colour, { lightness: -0.2, chroma: 0, hue: 0 }),
    e.x + e.w * 0.88,
    e.y + top,
    e.w * 0.08,
    e.h,
  );
  box(ctx, spec, e.colour, e.x, e.y, e.w, top);
  const random = createRandom(e.detailSeed);
  for (let i = 0; i < 5; i++) {
    ctx.fillStyle = css(mix({ r: 250, g: 245, b: 230 }, e.accent, 0.2), 1);
    const pw = e.w * 0.08;
    ctx.fillRect(e.x + e.w * (0.15 + random() * 0.65), e.y - e.h * 0.03, pw, e.h * 0.04);
  }
}

function drawProjector(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  const cx = e.x + e.w / 2;
  const cone = ctx.createLinearGradient(0, e.y - e.h * 6, 0, e.y);
  cone.addColorStop(0, css(e.accent, 0));
  cone.addColorStop(1, css(e.accent, 0.35));
  ctx.fillStyle = cone;
  ctx.beginPath();
  ctx.moveTo(cx - e.w * 0.15, e.y);
  ctx.lineTo(cx - e.w * 0.9, e.y - e.h * 6);
  ctx.lineTo(cx + e.w * 0.9, e.y - e.h * 6);
  ctx.lineTo(cx + e.w * 0.15, e.y);
  ctx.fill();
  outlined(ctx, spec, e.colour, () => ctx.ellipse(cx, e.y + e.h / 2, e.w / 2, e.h / 2, 0, 0, Math.PI * 2));
}

function drawLamp(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  const cx = e.x + e.w / 2;
  ctx.strokeStyle = '#333';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(cx, 0);
  ctx.lineTo(cx, e.y + e.h * 0.6);
  ctx.stroke();
  outlined(ctx, spec, e.accent, () => ctx.arc(cx, e.y + e.h * 0.7, e.w * 0.12, Math.PI, 0));
}

const DRAWERS: Record<ElementKind, (ctx: Ctx, spec: PlateSpec, e: PlateElement) => void> = {
  sky: drawSky,
  mountains: drawMountains,
  sea: drawSea,
  quay: drawQuay,
  road: drawRoad,
  boat: drawBoat,
  building: drawBuilding,
  wall: drawWall,
  window: drawWindow,
  door: drawDoor,
  shelves: drawShelves,
  'server-racks': drawRacks,
  screen: drawMonitors,
  console: drawConsole,
  lens: drawLens,
  projector: drawProjector,
  plants: drawPlants,
  trees: drawTrees,
  'street-lamp': drawStreetLamp,
  lamp: drawLamp,
  desk: drawDesk,
  table: drawTable,
  chair: drawChair,
  bed: drawBed,
  unknown: drawUnknown,
};

/** Draws the planned set onto a context the size of the plate. */
export function drawPlate(ctx: Ctx, spec: PlateSpec): void {
  const { width: W, height: H, horizon } = spec;
  if (spec.outdoor) {
    // Open air: the sky is the back of the set, named or not.
    const sky = ctx.createLinearGradient(0, 0, 0, horizon);
    sky.addColorStop(0, css(spec.sky[0], 1));
    sky.addColorStop(1, css(spec.sky[1], 1));
    ctx.fillStyle = sky;
  } else ctx.fillStyle = css(spec.wall, 1);
  ctx.fillRect(0, 0, W, horizon);
  // Floor with receding boards: perspective lines toward the centre.
  const floor = ctx.createLinearGradient(0, horizon, 0, H);
  floor.addColorStop(0, css(adjust(spec.floor, { lightness: -0.15, chroma: 0, hue: 0 }), 1));
  floor.addColorStop(1, css(spec.floor, 1));
  ctx.fillStyle = floor;
  ctx.fillRect(0, horizon, W, H - horizon);
  ctx.strokeStyle = css(adjust(spec.floor, { lightness: -0.3, chroma: 0, hue: 0 }), 0.6);
  ctx.lineWidth = Math.max(1, H * 0.002);
  // Receding boards indoors; open ground has none.
  if (!spec.outdoor)
    for (let i = -8; i <= 8; i++) {
      ctx.beginPath();
      ctx.moveTo(W / 2 + i * W * 0.04, horizon);
      ctx.lineTo(W / 2 + i * W * 0.16, H);
      ctx.stroke();
    }
  if (!spec.outdoor) {
    // The skirting where the back wall meets the floor.
    ctx.fillStyle = css(adjust(spec.wall, { lightness: -0.3, chroma: 0, hue: 0 }), 1);
    ctx.fillRect(0, horizon - H * 0.012, W, H * 0.012);
  }
  if (spec.beams) {
    const beam = adjust(spec.floor, { lightness: 0.1, chroma: 0, hue: 0 });
    for (const [x0, x1] of [
      [0, W * 0.35],
      [W, W * 0.65],
    ] as const) {
      outlined(ctx, spec, beam, () => {
        ctx.moveTo(x0, H * 0.22);
        ctx.lineTo(x1, 0);
        ctx.lineTo(x1 + (x1 > x0 ? W * 0.04 : -W * 0.04), 0);
        ctx.lineTo(x0, H * 0.28);
        ctx.closePath();
      });
    }
  }
  for (const element of spec.elements) DRAWERS[element.kind](ctx, spec, element);
  if (spec.partitions) {
    ctx.fillStyle = 'rgba(190,220,255,0.10)';
    ctx.strokeStyle = 'rgba(210,235,255,0.35)';
    ctx.lineWidth = Math.max(1, H * 0.003);
    for (const x of [W * 0.04, W * 0.83]) {
      ctx.fillRect(x, H * 0.05, W * 0.13, horizon - H * 0.05);
      ctx.strokeRect(x, H * 0.05, W * 0.13, horizon - H * 0.05);
    }
  }
  if (spec.glow) {
    const glow = ctx.createLinearGradient(0, 0, 0, H);
    glow.addColorStop(0, css(spec.glow, 0.14));
    glow.addColorStop(0.6, css(spec.glow, 0));
    ctx.fillStyle = glow;
    ctx.fillRect(0, 0, W, H);
  }
  if (spec.light.alpha > 0) {
    ctx.fillStyle = css(spec.light.colour, spec.light.alpha);
    ctx.fillRect(0, 0, W, H);
  }
  if (spec.haze.alpha > 0) {
    const haze = ctx.createRadialGradient(W * 0.7, H * 0.2, 0, W * 0.7, H * 0.2, W * 0.8);
    haze.addColorStop(0, css(spec.haze.colour, spec.haze.alpha * 3));
    haze.addColorStop(1, css(spec.haze.colour, 0));
    ctx.fillStyle = haze;
    ctx.fillRect(0, 0, W, H);
  }
}
