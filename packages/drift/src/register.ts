import type { RegionBox } from '@ministudio/domain';
import { type Frame, lumaPlane, type PixelRect } from './frame';

// Registering frame B onto frame A when both show the same place at different framings (a medium and a wide).
// OpenCV's wasm build (feature matching + RANSAC homography) is ~10 MB of wasm and was not installable offline
// here; the animatic's cameras only pan and zoom (no rotation, no perspective change between shots of a
// locked plate), so a similarity without rotation, pA = s·pB + t, is the right model: it is found by
// exhaustive normalised cross-correlation over scale and shift on a coarse luma pyramid, refined level by
// level to sub-pixel, and checked block by block (the share of textured blocks that still correlate after
// registration stands in for RANSAC's inlier ratio). Provider clips with real parallax would need the
// homography; see README's "what is left".

export interface Plane {
  width: number;
  height: number;
  data: Float32Array;
}

/** B to A: a point p of B is at s·p + (tx, ty) in A, in pixels of the full-size frames. */
export interface Similarity {
  scale: number;
  tx: number;
  ty: number;
}

export interface Registration extends Similarity {
  /** Normalised cross-correlation of the luma over the overlap, −1..1. */
  correlation: number;
  /** Share of the smaller view's area that the other covers. */
  overlap: number;
}

export function planeOf(frame: Frame): Plane {
  return { width: frame.width, height: frame.height, data: lumaPlane(frame) };
}

export function halve(p: Plane): Plane {
  const width = Math.max(1, p.width >> 1);
  const height = Math.max(1, p.height >> 1);
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = 2 * y * p.width + 2 * x;
      data[y * width + x] =
        (p.data[i]! + p.data[i + 1]! + p.data[i + p.width]! + p.data[i + p.width + 1]!) / 4;
    }
  }
  return { width, height, data };
}

function sample(p: Plane, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const i = y0 * p.width + x0;
  const a = p.data[i]!;
  const b = p.data[i + 1]!;
  const c = p.data[i + p.width]!;
  const d = p.data[i + p.width + 1]!;
  return a + (b - a) * fx + (c - a) * fy + (a - b - c + d) * fx * fy;
}

/** NCC of A against B mapped by `t` (t in this level's pixels), over B's pixels (every `step`-th) that land in A. */
function score(a: Plane, b: Plane, t: Similarity, step: number): { ncc: number; overlap: number } {
  let n = 0;
  let sa = 0;
  let sb = 0;
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  const maxX = a.width - 1.001;
  const maxY = a.height - 1.001;
  for (let y = 0; y < b.height; y += step) {
    const ay = t.scale * y + t.ty;
    if (ay < 0 || ay > maxY) continue;
    for (let x = 0; x < b.width; x += step) {
      const ax = t.scale * x + t.tx;
      if (ax < 0 || ax > maxX) continue;
      const va = sample(a, ax, ay);
      const vb = b.data[y * b.width + x]!;
      n++;
      sa += va;
      sb += vb;
      saa += va * va;
      sbb += vb * vb;
      sab += va * vb;
    }
  }
  const viewB = (b.width * b.height) / (step * step);
  const smaller = Math.min(viewB, (a.width * a.height) / (t.scale * t.scale * step * step));
  const overlap = smaller > 0 ? n / smaller : 0;
  if (n < 16) return { ncc: -1, overlap };
  const va = saa - (sa * sa) / n;
  const vb = sbb - (sb * sb) / n;
  const cov = sab - (sa * sb) / n;
  // Flat overlaps say nothing about where the frames line up.
  if (va < n * 1 || vb < n * 1) return { ncc: -1, overlap };
  return { ncc: cov / Math.sqrt(va * vb), overlap };
}

const MIN_OVERLAP = 0.5;

/** Finds the similarity that maps B onto A best. Scales from 1/2.5 to 2.5 (a close-up to a wide and back). */
export function register(frameA: Frame, frameB: Frame): Registration {
  const pyramidA: Plane[] = [planeOf(frameA)];
  const pyramidB: Plane[] = [planeOf(frameB)];
  while (pyramidA.at(-1)!.width > 24 && pyramidB.at(-1)!.width > 24) {
    pyramidA.push(halve(pyramidA.at(-1)!));
    pyramidB.push(halve(pyramidB.at(-1)!));
  }
  const top = pyramidA.length - 1;
  const a = pyramidA[top]!;
  const b = pyramidB[top]!;
  // Scale is the ratio of A's pixels to B's, at any level of the pyramid alike.
  const ratio = frameB.width / frameA.width;
  let candidates: (Similarity & { ncc: number })[] = [];
  // Shots from one set-up (the same camera, or a re-render) line up as they are: then the exhaustive search,
  // most of the cost, is skipped and the refinement below finds any small pan.
  const asIs = { scale: 1 / ratio, tx: 0, ty: 0 };
  const asIsScore = score(a, b, asIs, 1);
  const exhaustive = asIsScore.ncc < 0.9;
  if (!exhaustive) candidates.push({ ...asIs, ncc: asIsScore.ncc });
  for (let k = -24; exhaustive && k <= 24; k++) {
    const scale = 1.04 ** k / ratio;
    const spanX = scale * b.width;
    const spanY = scale * b.height;
    for (let ty = Math.floor(-spanY); ty <= a.height; ty++) {
      for (let tx = Math.floor(-spanX); tx <= a.width; tx++) {
        const s = score(a, b, { scale, tx, ty }, 1);
        if (s.overlap >= MIN_OVERLAP) candidates.push({ scale, tx, ty, ncc: s.ncc });
      }
    }
  }
  candidates.sort((x, y) => y.ncc - x.ncc);
  candidates = pickDistinct(candidates, 6);
  let scaleStep = 1.04;
  for (let level = top; level >= 0; level--) {
    const pa = pyramidA[level]!;
    const pb = pyramidB[level]!;
    const step = level === 0 ? 2 : 1;
    if (level !== top) {
      candidates = candidates.map((c) => ({ ...c, tx: c.tx * 2, ty: c.ty * 2 }));
    }
    scaleStep = Math.sqrt(scaleStep);
    candidates = candidates.map((c) => refine(pa, pb, c, scaleStep, step));
    candidates.sort((x, y) => y.ncc - x.ncc);
    if (level === top - 1) candidates = candidates.slice(0, 3);
  }
  const best = candidates[0];
  if (!best) return { scale: 1 / ratio, tx: 0, ty: 0, correlation: -1, overlap: 0 };
  const full = score(pyramidA[0]!, pyramidB[0]!, best, 1);
  return { scale: best.scale, tx: best.tx, ty: best.ty, correlation: full.ncc, overlap: full.overlap };
}

function pickDistinct<T extends Similarity & { ncc: number }>(sorted: T[], count: number): T[] {
  const out: T[] = [];
  for (const c of sorted) {
    if (
      out.some(
        (o) => Math.abs(Math.log(o.scale / c.scale)) < 0.05 && Math.hypot(o.tx - c.tx, o.ty - c.ty) < 2,
      )
    ) {
      continue;
    }
    out.push(c);
    if (out.length >= count) break;
  }
  return out;
}

/** Hill-climbs one candidate at one level: half-pixel shifts and one scale step each way, until nothing improves. */
function refine(
  a: Plane,
  b: Plane,
  start: Similarity & { ncc: number },
  scaleStep: number,
  step: number,
): Similarity & { ncc: number } {
  let best = { ...start, ncc: score(a, b, start, step).ncc };
  for (let round = 0; round < 6; round++) {
    let improved = false;
    const centre = best;
    for (const ds of [1 / scaleStep, 1, scaleStep]) {
      // Scale about B's centre, so a scale step does not also shift the picture.
      const scale = centre.scale * ds;
      const cx = (b.width / 2) * (centre.scale - scale);
      const cy = (b.height / 2) * (centre.scale - scale);
      for (const dy of [-0.5, 0, 0.5]) {
        for (const dx of [-0.5, 0, 0.5]) {
          if (ds === 1 && dx === 0 && dy === 0) continue;
          const t = { scale, tx: centre.tx + cx + dx, ty: centre.ty + cy + dy };
          const s = score(a, b, t, step);
          if (s.overlap >= MIN_OVERLAP && s.ncc > best.ncc + 1e-6) {
            best = { ...t, ncc: s.ncc };
            improved = true;
          }
        }
      }
    }
    if (!improved) break;
  }
  return best;
}

/** B resampled into A's pixel grid (bilinear), with a mask of the pixels B covers. */
export function warpInto(frameA: Frame, frameB: Frame, t: Similarity): { frame: Frame; valid: Uint8Array } {
  const { width, height } = frameA;
  const data = new Uint8Array(width * height * 3);
  const valid = new Uint8Array(width * height);
  const src = frameB.data;
  const bw = frameB.width;
  for (let y = 0; y < height; y++) {
    const by = (y - t.ty) / t.scale;
    if (by < 0 || by > frameB.height - 1.001) continue;
    const y0 = Math.floor(by);
    const fy = by - y0;
    for (let x = 0; x < width; x++) {
      const bx = (x - t.tx) / t.scale;
      if (bx < 0 || bx > bw - 1.001) continue;
      const x0 = Math.floor(bx);
      const fx = bx - x0;
      const i = (y0 * bw + x0) * 3;
      const o = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        const p = src[i + c]!;
        const q = src[i + 3 + c]!;
        const r = src[i + bw * 3 + c]!;
        const s = src[i + bw * 3 + 3 + c]!;
        data[o + c] = Math.round(p + (q - p) * fx + (r - p) * fy + (p - q - r + s) * fx * fy);
      }
      valid[y * width + x] = 1;
    }
  }
  return { frame: { width, height, data }, valid };
}

/** A box of B (fractions of B) in fractions of A. */
export function mapBoxIntoA(box: RegionBox, t: Similarity, frameA: Frame, frameB: Frame): RegionBox {
  const x = (t.scale * box[0] * frameB.width + t.tx) / frameA.width;
  const y = (t.scale * box[1] * frameB.height + t.ty) / frameA.height;
  return [
    x,
    y,
    (t.scale * box[2] * frameB.width) / frameA.width,
    (t.scale * box[3] * frameB.height) / frameA.height,
  ];
}

function rectNcc(a: Plane, b: Plane, valid: Uint8Array, rect: PixelRect, dx: number, dy: number): number {
  let n = 0;
  let sa = 0;
  let sb = 0;
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  for (let y = rect.y0; y < rect.y1; y++) {
    const by = y + dy;
    if (by < 0 || by >= b.height) continue;
    for (let x = rect.x0; x < rect.x1; x++) {
      const bx = x + dx;
      if (bx < 0 || bx >= b.width) continue;
      const j = by * b.width + bx;
      if (!valid[j]) continue;
      const va = a.data[y * a.width + x]!;
      const vb = b.data[j]!;
      n++;
      sa += va;
      sb += vb;
      saa += va * va;
      sbb += vb * vb;
      sab += va * vb;
    }
  }
  const area = (rect.x1 - rect.x0) * (rect.y1 - rect.y0);
  if (n < area * 0.6 || n < 9) return -1;
  const va = saa - (sa * sa) / n;
  const vb = sbb - (sb * sb) / n;
  if (va < n || vb < n) return -1;
  return (sab - (sa * sb) / n) / Math.sqrt(va * vb);
}

export interface LocalShift {
  /** Shift of the patch's content from A to the registered B, in pixels of A (sub-pixel). */
  dx: number;
  dy: number;
  /** NCC at the best shift and at no shift. */
  best: number;
  atZero: number;
}

/** Luma standard deviation of a rectangle: blocks flatter than a few code values cannot be matched. */
export function texture(a: Plane, rect: PixelRect): number {
  let n = 0;
  let s = 0;
  let s2 = 0;
  for (let y = rect.y0; y < rect.y1; y++) {
    for (let x = rect.x0; x < rect.x1; x++) {
      const v = a.data[y * a.width + x]!;
      n++;
      s += v;
      s2 += v * v;
    }
  }
  return n > 0 ? Math.sqrt(Math.max(0, s2 / n - (s / n) ** 2)) : 0;
}

/** Where the content of `rect` of A went in the registered B: exhaustive search within ±radius, then a parabola. */
export function localShift(
  a: Plane,
  b: Plane,
  valid: Uint8Array,
  rect: PixelRect,
  radius: number,
): LocalShift {
  const size = 2 * radius + 1;
  const grid = new Float64Array(size * size).fill(-1);
  let best = -2;
  let bx = 0;
  let by = 0;
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const v = rectNcc(a, b, valid, rect, dx, dy);
      grid[(dy + radius) * size + dx + radius] = v;
      if (v > best + 1e-9 || (Math.abs(v - best) <= 1e-9 && Math.hypot(dx, dy) < Math.hypot(bx, by))) {
        best = v;
        bx = dx;
        by = dy;
      }
    }
  }
  const at = (dx: number, dy: number) => {
    if (Math.abs(dx) > radius || Math.abs(dy) > radius) return Number.NaN;
    return grid[(dy + radius) * size + dx + radius]!;
  };
  const parabola = (m: number, c: number, p: number) => {
    const denom = m - 2 * c + p;
    if (!Number.isFinite(denom) || denom >= 0) return 0;
    return Math.max(-0.5, Math.min(0.5, (0.5 * (m - p)) / denom));
  };
  const subX = parabola(at(bx - 1, by), best, at(bx + 1, by));
  const subY = parabola(at(bx, by - 1), best, at(bx, by + 1));
  return { dx: bx + subX, dy: by + subY, best, atZero: at(0, 0) };
}

export interface RobustRegistration {
  registration: Registration;
  /** Share of textured blocks whose local shift agrees with the fitted similarity (RANSAC's inlier ratio). */
  inlierRatio: number;
  texturedBlocks: number;
}

/**
 * Refines a registration on block correspondences, robustly: every textured block of A is searched for in the
 * warped B, a scale-and-shift correction is fitted to the blocks' shifts by least squares on the blocks that
 * agree with it (starting from the median shift; iterated), and blocks that disagree (a set piece that moved,
 * a character) are left out of the fit, so they no longer drag the registration with them.
 */
export function refineOnBlocks(
  frameA: Frame,
  frameB: Frame,
  start: Registration,
  rounds = 3,
): RobustRegistration {
  let reg = start;
  let inlierRatio = 0;
  let textured = 0;
  const planeA = planeOf(frameA);
  const cols = 16;
  const rows = 9;
  const bw = frameA.width / cols;
  const bh = frameA.height / rows;
  const cx = frameA.width / 2;
  const cy = frameA.height / 2;
  for (let round = 0; round < rounds; round++) {
    // The first round searches wide: the global estimate may have locked onto the most contrasted object (a
    // set piece that moved), and the rest of the room must still be found.
    const radius = Math.max(2, Math.round(frameA.width * (round === 0 ? 0.035 : 0.015)));
    const warped = warpInto(frameA, frameB, reg);
    const planeB = planeOf(warped.frame);
    const samples: { x: number; y: number; dx: number; dy: number }[] = [];
    textured = 0;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const rect = {
          x0: Math.round(c * bw),
          y0: Math.round(r * bh),
          x1: Math.round((c + 1) * bw),
          y1: Math.round((r + 1) * bh),
        };
        if (texture(planeA, rect) < 4) continue;
        const s = localShift(planeA, planeB, warped.valid, rect, radius);
        if (s.best < -0.5) continue;
        textured++;
        if (s.best < 0.7) continue;
        samples.push({ x: (rect.x0 + rect.x1) / 2, y: (rect.y0 + rect.y1) / 2, dx: s.dx, dy: s.dy });
      }
    }
    if (samples.length < 3) {
      inlierRatio = textured > 0 ? samples.length / textured : 0;
      break;
    }
    // Consensus first (RANSAC over two-block hypotheses, all pairs: a few thousand): the scale-and-shift
    // correction most blocks agree with within 1 px.
    let a = 0;
    let bx = 0;
    let by = 0;
    let support = -1;
    const agree = (ha: number, hbx: number, hby: number) => {
      let n = 0;
      for (const s of samples) {
        if (Math.hypot(s.dx - (ha * (s.x - cx) + hbx), s.dy - (ha * (s.y - cy) + hby)) <= 1) n++;
      }
      return n;
    };
    for (let i = 0; i < samples.length; i++) {
      for (let j = i + 1; j < samples.length; j++) {
        const p = samples[i]!;
        const q = samples[j]!;
        const ux = p.x - q.x;
        const uy = p.y - q.y;
        const span = ux * ux + uy * uy;
        if (span < (frameA.width / 4) ** 2) continue;
        const ha = ((p.dx - q.dx) * ux + (p.dy - q.dy) * uy) / span;
        if (Math.abs(ha) > 0.05) continue;
        const hbx = p.dx - ha * (p.x - cx);
        const hby = p.dy - ha * (p.y - cy);
        const n = agree(ha, hbx, hby);
        if (n > support) {
          support = n;
          a = ha;
          bx = hbx;
          by = hby;
        }
      }
    }
    let inliers = samples;
    for (let it = 0; it < 4; it++) {
      inliers = samples.filter(
        (s) => Math.hypot(s.dx - (a * (s.x - cx) + bx), s.dy - (a * (s.y - cy) + by)) <= 1,
      );
      if (inliers.length < 3) break;
      // Least squares for d = a·(p − c) + b over both axes.
      const n = inliers.length;
      let sxx = 0;
      let sxd = 0;
      let mx = 0;
      let my = 0;
      let mdx = 0;
      let mdy = 0;
      for (const s of inliers) {
        mx += s.x - cx;
        my += s.y - cy;
        mdx += s.dx;
        mdy += s.dy;
      }
      mx /= n;
      my /= n;
      mdx /= n;
      mdy /= n;
      for (const s of inliers) {
        const ux = s.x - cx - mx;
        const uy = s.y - cy - my;
        sxx += ux * ux + uy * uy;
        sxd += ux * (s.dx - mdx) + uy * (s.dy - mdy);
      }
      a = sxx > 0 ? sxd / sxx : 0;
      bx = mdx - a * mx;
      by = mdy - a * my;
    }
    inlierRatio = textured > 0 ? inliers.length / textured : 0;
    const scale = reg.scale / (1 + a);
    const tx = (reg.tx + a * cx - bx) / (1 + a);
    const ty = (reg.ty + a * cy - by) / (1 + a);
    const done = Math.abs(a) < 1e-4 && Math.hypot(bx, by) < 0.05;
    reg = { ...reg, scale, tx, ty };
    if (done) break;
  }
  const full = scoreFull(frameA, frameB, reg);
  return {
    registration: { ...reg, correlation: full.ncc, overlap: full.overlap },
    inlierRatio,
    texturedBlocks: textured,
  };
}

function scoreFull(frameA: Frame, frameB: Frame, t: Similarity): { ncc: number; overlap: number } {
  return score(planeOf(frameA), planeOf(frameB), t, 1);
}
