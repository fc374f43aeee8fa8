import { createRandom } from '@ministudio/domain';
import type { SKRSContext2D } from '@napi-rs/canvas';
import { wrapText } from '../caption/draw-caption';
import { captionFontFamily } from '../caption/fonts';
import { adjust, css, mix, type Rgb } from '../colour/rgb';
import type { PlateElement, PlateSpec } from './plate-spec';

// Drawers for the set pieces the first plate drawer did not know: open air (sky, mountains, sea, quay,
// road), boats, buildings, furniture, and the labelled shape for a word outside the vocabulary. Each
// draws inside its element's box, so the layout (set-pieces.ts) is where the piece really is.

type Ctx = SKRSContext2D;
const shade = (c: Rgb, lightness: number) => adjust(c, { lightness, chroma: 0, hue: 0 });

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

export function drawSky(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  const sky = ctx.createLinearGradient(0, e.y, 0, e.y + e.h);
  sky.addColorStop(0, css(spec.sky[0], 1));
  sky.addColorStop(1, css(spec.sky[1], 1));
  ctx.fillStyle = sky;
  ctx.fillRect(e.x, e.y, e.w, e.h);
  const random = createRandom(e.detailSeed);
  const dark = spec.sky[0].r + spec.sky[0].g + spec.sky[0].b < 200;
  if (dark) {
    ctx.fillStyle = 'rgba(255,255,240,0.8)';
    for (let i = 0; i < 40; i++) ctx.fillRect(e.x + random() * e.w, e.y + random() * e.h * 0.7, 1.5, 1.5);
    return;
  }
  // A few soft clouds.
  ctx.fillStyle = css(mix(spec.sky[1], { r: 255, g: 255, b: 255 }, 0.7), 0.75);
  for (let i = 0; i < 4; i++) {
    const cx = e.x + random() * e.w;
    const cy = e.y + e.h * (0.15 + random() * 0.4);
    const r = e.h * (0.05 + random() * 0.05);
    ctx.beginPath();
    ctx.ellipse(cx, cy, r * 3, r, 0, 0, Math.PI * 2);
    ctx.ellipse(cx + r * 1.2, cy - r * 0.5, r * 1.6, r * 0.9, 0, 0, Math.PI * 2);
    ctx.fill();
  }
}

export function drawMountains(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  const random = createRandom(e.detailSeed);
  for (const [layer, lift] of [
    [0, 0.15],
    [1, 0],
  ] as const) {
    const colour = shade(e.colour, layer === 0 ? 0.25 : 0);
    outlined(ctx, spec, colour, () => {
      ctx.moveTo(e.x, e.y + e.h);
      const peaks = 5;
      for (let i = 0; i <= peaks; i++) {
        const x = e.x + (e.w / peaks) * i;
        const y = e.y + e.h * (lift + random() * 0.45);
        ctx.lineTo(x - e.w / peaks / 2, e.y + e.h * (0.5 + random() * 0.3));
        ctx.lineTo(x, y);
      }
      ctx.lineTo(e.x + e.w, e.y + e.h);
      ctx.closePath();
    });
  }
}

export function drawSea(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  const water = ctx.createLinearGradient(0, e.y, 0, e.y + e.h);
  water.addColorStop(0, css(mix(e.colour, spec.sky[1], 0.35), 1));
  water.addColorStop(1, css(shade(e.colour, -0.25), 1));
  ctx.fillStyle = water;
  ctx.fillRect(e.x, e.y, e.w, e.h);
  // Wave lines, closer together toward the horizon.
  const random = createRandom(e.detailSeed);
  ctx.strokeStyle = css(shade(e.colour, 0.45), 0.55);
  ctx.lineWidth = Math.max(1, e.h * 0.012);
  for (let i = 1; i < 9; i++) {
    const y = e.y + e.h * (i / 9) ** 1.4;
    for (let k = 0; k < 5; k++) {
      const x = e.x + random() * e.w;
      const len = e.w * (0.03 + random() * 0.05) * (0.4 + i / 9);
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.quadraticCurveTo(x + len / 2, y - e.h * 0.012, x + len, y);
      ctx.stroke();
    }
  }
}

export function drawQuay(ctx: Ctx, _spec: PlateSpec, e: PlateElement): void {
  ctx.fillStyle = css(e.colour, 1);
  ctx.fillRect(e.x, e.y, e.w, e.h);
  // Dressed stone: courses of blocks, taller toward the camera.
  const random = createRandom(e.detailSeed);
  ctx.strokeStyle = css(shade(e.colour, -0.35), 0.8);
  ctx.lineWidth = Math.max(1, e.h * 0.008);
  let y = e.y;
  let row = 0;
  while (y < e.y + e.h) {
    const rowH = e.h * (0.08 + row * 0.05);
    ctx.beginPath();
    ctx.moveTo(e.x, y);
    ctx.lineTo(e.x + e.w, y);
    const blockW = rowH * 2.4;
    for (let x = e.x + random() * blockW; x < e.x + e.w; x += blockW) {
      ctx.moveTo(x, y);
      ctx.lineTo(x, y + rowH);
    }
    ctx.stroke();
    y += rowH;
    row++;
  }
  // The edge: a lighter coping stone where the quay meets the water.
  ctx.fillStyle = css(shade(e.colour, 0.25), 1);
  ctx.fillRect(e.x, e.y, e.w, Math.max(2, e.h * 0.04));
}

export function drawRoad(ctx: Ctx, _spec: PlateSpec, e: PlateElement): void {
  ctx.fillStyle = css(e.colour, 1);
  ctx.fillRect(e.x, e.y, e.w, e.h);
  ctx.fillStyle = css(shade(e.colour, 0.3), 1);
  ctx.fillRect(e.x, e.y, e.w, Math.max(2, e.h * 0.06));
  // The centre line, in perspective: dashes growing toward the camera.
  ctx.fillStyle = 'rgba(240,230,200,0.85)';
  const cy = e.y + e.h * 0.45;
  for (let x = e.x; x < e.x + e.w; x += e.w * 0.1) ctx.fillRect(x, cy, e.w * 0.05, Math.max(2, e.h * 0.025));
}

export function drawBoat(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  const hullTop = e.y + e.h * 0.55;
  // Mast and a furled sail first, behind the cabin.
  ctx.strokeStyle = css({ r: 70, g: 55, b: 40 }, 1);
  ctx.lineWidth = Math.max(2, e.w * 0.015);
  ctx.beginPath();
  ctx.moveTo(e.x + e.w * 0.6, hullTop);
  ctx.lineTo(e.x + e.w * 0.6, e.y);
  ctx.stroke();
  outlined(ctx, spec, { r: 235, g: 228, b: 210 }, () => {
    ctx.moveTo(e.x + e.w * 0.62, e.y + e.h * 0.05);
    ctx.lineTo(e.x + e.w * 0.85, hullTop - e.h * 0.05);
    ctx.lineTo(e.x + e.w * 0.62, hullTop - e.h * 0.05);
    ctx.closePath();
  });
  outlined(ctx, spec, { r: 236, g: 232, b: 222 }, () =>
    ctx.rect(e.x + e.w * 0.25, e.y + e.h * 0.3, e.w * 0.25, e.h * 0.27),
  );
  ctx.fillStyle = '#33414d';
  ctx.fillRect(e.x + e.w * 0.29, e.y + e.h * 0.35, e.w * 0.07, e.h * 0.09);
  ctx.fillRect(e.x + e.w * 0.39, e.y + e.h * 0.35, e.w * 0.07, e.h * 0.09);
  outlined(ctx, spec, e.colour, () => {
    ctx.moveTo(e.x, hullTop);
    ctx.lineTo(e.x + e.w, hullTop - e.h * 0.05);
    ctx.lineTo(e.x + e.w * 0.88, e.y + e.h);
    ctx.lineTo(e.x + e.w * 0.1, e.y + e.h);
    ctx.closePath();
  });
  ctx.fillStyle = css(shade(e.colour, 0.5), 1);
  ctx.fillRect(e.x + e.w * 0.04, hullTop + e.h * 0.04, e.w * 0.9, e.h * 0.04);
}

export function drawBuilding(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  outlined(ctx, spec, e.colour, () => ctx.rect(e.x, e.y, e.w, e.h));
  outlined(ctx, spec, shade(e.colour, -0.35), () => {
    ctx.moveTo(e.x - e.w * 0.04, e.y);
    ctx.lineTo(e.x + e.w / 2, e.y - e.h * 0.12);
    ctx.lineTo(e.x + e.w * 1.04, e.y);
    ctx.closePath();
  });
  const random = createRandom(e.detailSeed);
  const dark = spec.sky[0].r + spec.sky[0].g + spec.sky[0].b < 200;
  const cols = 3;
  const rows = Math.max(2, Math.round(e.h / (e.w / 2)));
  for (let r = 0; r < rows; r++)
    for (let k = 0; k < cols; k++) {
      ctx.fillStyle =
        dark && random() > 0.4 ? '#ffd77a' : css(mix(spec.sky[1], { r: 40, g: 50, b: 70 }, 0.5), 1);
      ctx.fillRect(
        e.x + e.w * (0.12 + k * 0.29),
        e.y + e.h * (0.08 + (r / rows) * 0.85),
        e.w * 0.18,
        (e.h / rows) * 0.45,
      );
    }
}

export function drawWall(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  ctx.fillStyle = css(e.colour, 1);
  ctx.fillRect(e.x, e.y, e.w, e.h);
  ctx.strokeStyle = css(shade(e.colour, -0.3), 0.7);
  ctx.lineWidth = 1;
  const course = Math.max(4, spec.height * 0.03);
  for (let y = e.y, row = 0; y < e.y + e.h; y += course, row++) {
    ctx.beginPath();
    ctx.moveTo(e.x, y);
    ctx.lineTo(e.x + e.w, y);
    for (let x = e.x + (row % 2 ? course : 0); x < e.x + e.w; x += course * 2) {
      ctx.moveTo(x, y);
      ctx.lineTo(x, Math.min(e.y + e.h, y + course));
    }
    ctx.stroke();
  }
}

export function drawDoor(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  outlined(ctx, spec, shade(e.colour, -0.25), () =>
    ctx.rect(e.x - e.w * 0.06, e.y - e.h * 0.04, e.w * 1.12, e.h * 1.04),
  );
  outlined(ctx, spec, e.colour, () => ctx.rect(e.x, e.y, e.w, e.h));
  ctx.strokeStyle = css(shade(e.colour, -0.3), 1);
  ctx.lineWidth = Math.max(1, e.w * 0.02);
  ctx.strokeRect(e.x + e.w * 0.15, e.y + e.h * 0.08, e.w * 0.7, e.h * 0.36);
  ctx.strokeRect(e.x + e.w * 0.15, e.y + e.h * 0.52, e.w * 0.7, e.h * 0.4);
  ctx.fillStyle = '#d8b450';
  ctx.beginPath();
  ctx.arc(e.x + e.w * 0.82, e.y + e.h * 0.5, Math.max(2, e.w * 0.05), 0, Math.PI * 2);
  ctx.fill();
}

export function drawConsole(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  // A slanted control panel on a cabinet, rows of lit buttons and a small screen.
  outlined(ctx, spec, shade(e.colour, -0.4), () =>
    ctx.rect(e.x + e.w * 0.05, e.y + e.h * 0.35, e.w * 0.9, e.h * 0.65),
  );
  outlined(ctx, spec, shade(e.colour, -0.2), () => {
    ctx.moveTo(e.x, e.y + e.h * 0.4);
    ctx.lineTo(e.x + e.w * 0.08, e.y);
    ctx.lineTo(e.x + e.w * 0.92, e.y);
    ctx.lineTo(e.x + e.w, e.y + e.h * 0.4);
    ctx.closePath();
  });
  const random = createRandom(e.detailSeed);
  for (let r = 0; r < 3; r++)
    for (let k = 0; k < 10; k++) {
      ctx.fillStyle = ['#3cff9a', '#ffb030', '#2fd0ff', '#ff4f5a'][Math.floor(random() * 4)]!;
      ctx.fillRect(e.x + e.w * (0.14 + k * 0.06), e.y + e.h * (0.07 + r * 0.1), e.w * 0.03, e.h * 0.05);
    }
  ctx.fillStyle = css(mix(e.colour, { r: 120, g: 230, b: 255 }, 0.6), 1);
  ctx.fillRect(e.x + e.w * 0.76, e.y + e.h * 0.06, e.w * 0.12, e.h * 0.24);
}

export function drawLens(ctx: Ctx, _spec: PlateSpec, e: PlateElement): void {
  const r = Math.min(e.w, e.h * 0.75) / 2;
  const cx = e.x + e.w / 2;
  const cy = e.y + r;
  ctx.fillStyle = '#3a3a40';
  ctx.fillRect(cx - r * 0.12, cy + r, r * 0.24, e.y + e.h - cy - r);
  ctx.fillRect(cx - r * 0.5, e.y + e.h - r * 0.12, r, r * 0.12);
  const glass = ctx.createRadialGradient(cx - r * 0.3, cy - r * 0.3, r * 0.05, cx, cy, r);
  glass.addColorStop(0, 'rgba(255,255,255,0.9)');
  glass.addColorStop(0.4, css(mix(e.colour, { r: 200, g: 235, b: 255 }, 0.6), 0.8));
  glass.addColorStop(1, css(e.colour, 0.9));
  ctx.fillStyle = glass;
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.fill();
  // Concentric rings of a Fresnel lens, and the brass rim.
  ctx.strokeStyle = 'rgba(255,255,255,0.45)';
  ctx.lineWidth = Math.max(1, r * 0.03);
  for (let k = 1; k < 4; k++) {
    ctx.beginPath();
    ctx.arc(cx, cy, (r * k) / 4, 0, Math.PI * 2);
    ctx.stroke();
  }
  ctx.strokeStyle = '#b08a3c';
  ctx.lineWidth = Math.max(2, r * 0.1);
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, Math.PI * 2);
  ctx.stroke();
}

export function drawTrees(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  const random = createRandom(e.detailSeed);
  const count = Math.max(1, Math.round(e.w / (e.h * 0.45)));
  for (let i = 0; i < count; i++) {
    const cx = e.x + (e.w / count) * (i + 0.5) + (random() - 0.5) * (e.w / count) * 0.3;
    const trunkW = e.h * 0.05;
    outlined(ctx, spec, { r: 92, g: 66, b: 44 }, () =>
      ctx.rect(cx - trunkW / 2, e.y + e.h * 0.5, trunkW, e.h * 0.5),
    );
    const crown = e.h * (0.22 + random() * 0.08);
    for (let k = 0; k < 4; k++) {
      outlined(ctx, spec, shade(e.colour, random() * 0.25 - 0.15), () =>
        ctx.arc(
          cx + (random() - 0.5) * crown,
          e.y + crown + random() * e.h * 0.2,
          crown * (0.6 + random() * 0.3),
          0,
          Math.PI * 2,
        ),
      );
    }
  }
}

export function drawStreetLamp(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  const cx = e.x + e.w / 2;
  const poleW = Math.max(2, e.w * 0.12);
  const glow = ctx.createRadialGradient(cx, e.y + e.h * 0.08, 0, cx, e.y + e.h * 0.08, e.h * 0.35);
  glow.addColorStop(0, css(e.accent, 0.55));
  glow.addColorStop(1, css(e.accent, 0));
  ctx.fillStyle = glow;
  ctx.fillRect(cx - e.h * 0.35, e.y - e.h * 0.27, e.h * 0.7, e.h * 0.7);
  outlined(ctx, spec, e.colour, () => ctx.rect(cx - poleW / 2, e.y + e.h * 0.12, poleW, e.h * 0.88));
  outlined(ctx, spec, e.colour, () => ctx.rect(cx - poleW * 1.5, e.y + e.h * 0.96, poleW * 3, e.h * 0.04));
  outlined(ctx, spec, e.accent, () => {
    ctx.moveTo(cx - e.w * 0.35, e.y + e.h * 0.14);
    ctx.lineTo(cx + e.w * 0.35, e.y + e.h * 0.14);
    ctx.lineTo(cx + e.w * 0.22, e.y);
    ctx.lineTo(cx - e.w * 0.22, e.y);
    ctx.closePath();
  });
}

export function drawTable(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  const leg = shade(e.colour, -0.2);
  outlined(ctx, spec, leg, () => ctx.rect(e.x + e.w * 0.08, e.y + e.h * 0.15, e.w * 0.06, e.h * 0.85));
  outlined(ctx, spec, leg, () => ctx.rect(e.x + e.w * 0.86, e.y + e.h * 0.15, e.w * 0.06, e.h * 0.85));
  outlined(ctx, spec, e.colour, () => ctx.rect(e.x, e.y, e.w, e.h * 0.15));
}

export function drawChair(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  const leg = shade(e.colour, -0.2);
  outlined(ctx, spec, leg, () => ctx.rect(e.x + e.w * 0.1, e.y + e.h * 0.55, e.w * 0.12, e.h * 0.45));
  outlined(ctx, spec, leg, () => ctx.rect(e.x + e.w * 0.78, e.y + e.h * 0.55, e.w * 0.12, e.h * 0.45));
  outlined(ctx, spec, e.colour, () => ctx.rect(e.x + e.w * 0.72, e.y, e.w * 0.18, e.h * 0.55));
  outlined(ctx, spec, e.colour, () => ctx.rect(e.x, e.y + e.h * 0.48, e.w, e.h * 0.1));
}

export function drawBed(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  outlined(ctx, spec, shade(e.colour, -0.15), () => ctx.rect(e.x, e.y, e.w * 0.06, e.h));
  outlined(ctx, spec, shade(e.colour, -0.15), () => ctx.rect(e.x, e.y + e.h * 0.55, e.w, e.h * 0.45));
  outlined(ctx, spec, { r: 232, g: 228, b: 218 }, () =>
    ctx.rect(e.x + e.w * 0.06, e.y + e.h * 0.35, e.w * 0.94, e.h * 0.25),
  );
  outlined(ctx, spec, { r: 250, g: 248, b: 240 }, () =>
    ctx.roundRect(e.x + e.w * 0.08, e.y + e.h * 0.2, e.w * 0.2, e.h * 0.2, e.h * 0.05),
  );
  outlined(ctx, spec, mix(e.accent, { r: 120, g: 140, b: 180 }, 0.5), () =>
    ctx.rect(e.x + e.w * 0.4, e.y + e.h * 0.3, e.w * 0.6, e.h * 0.3),
  );
}

/** A word outside the vocabulary: a labelled block, so the viewer sees something is meant to be there. */
export function drawUnknown(ctx: Ctx, spec: PlateSpec, e: PlateElement): void {
  outlined(ctx, spec, e.colour, () => ctx.roundRect(e.x, e.y, e.w, e.h, Math.min(e.w, e.h) * 0.12));
  ctx.setLineDash([Math.max(2, e.w * 0.04), Math.max(2, e.w * 0.03)]);
  ctx.strokeStyle = css(shade(e.colour, -0.5), 1);
  ctx.lineWidth = Math.max(1, spec.height * 0.003);
  ctx.strokeRect(e.x + e.w * 0.05, e.y + e.h * 0.05, e.w * 0.9, e.h * 0.9);
  ctx.setLineDash([]);
  const size = Math.max(8, Math.min(e.h * 0.16, spec.height * 0.03));
  ctx.font = `${Math.round(size)}px ${captionFontFamily()}`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = e.colour.r + e.colour.g + e.colour.b > 380 ? '#1c1c1c' : '#f4f4f4';
  const shown = wrapText((t) => ctx.measureText(t).width, e.label, e.w * 0.85).slice(0, 3);
  for (const [i, l] of shown.entries())
    ctx.fillText(l, e.x + e.w / 2, e.y + e.h / 2 + (i - (shown.length - 1) / 2) * size * 1.2, e.w * 0.9);
  ctx.textAlign = 'start';
  ctx.textBaseline = 'alphabetic';
}
