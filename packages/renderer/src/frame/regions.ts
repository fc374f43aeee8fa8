import type {
  CharacterRegions,
  ElementRegions,
  RegionBox,
  ShotContext,
  TakeRegions,
} from '@ministudio/domain';
import { FIGURE_PARTS } from '@ministudio/domain';
import type { View } from '../camera/framing';
import type { SetPiece } from '../plate/set-pieces';
import { type Box, boxToScreen, type FrameInfo } from './shot-drawer';

// The take's sidecar: where every figure part and set piece was drawn in each frame, as the drawer
// reported it while drawing (the same numbers it drew from), in fractions of the frame.

/** A frame-pixel box as frame fractions, cut to the frame; null when none of it is in frame. */
export function toRegionBox(box: Box | null, width: number, height: number): RegionBox | null {
  if (!box) return null;
  const x0 = Math.max(0, box.x);
  const y0 = Math.max(0, box.y);
  const x1 = Math.min(width, box.x + box.w);
  const y1 = Math.min(height, box.y + box.h);
  if (x1 <= x0 || y1 <= y0) return null;
  // A tenth of a pixel at 1280 wide is plenty, and keeps a long take's sidecar small.
  const r = (v: number) => Math.round(v * 1e5) / 1e5;
  return [r(x0 / width), r(y0 / height), r((x1 - x0) / width), r((y1 - y0) / height)];
}

export interface RegionsRecorder {
  /** Call once per drawn frame, in order. */
  record(info: FrameInfo): void;
  result(): TakeRegions;
}

/**
 * Collects a take's regions frame by frame. `pieces` are the plate's set pieces (in plate fractions; the
 * plate is the frame's size), seen through each frame's background view; [] for an uploaded plate, whose
 * contents the renderer does not know.
 */
export function createRegionsRecorder(
  shot: Pick<ShotContext, 'characters' | 'speech'>,
  pieces: readonly SetPiece[],
  width: number,
  height: number,
  fps: number,
  durationSeconds: number,
): RegionsRecorder {
  const characters: CharacterRegions[] = shot.characters.map((c) => ({
    key: c.key,
    name: c.name,
    parts: Object.fromEntries(FIGURE_PARTS.map((p) => [p, []])),
  }));
  const elements: ElementRegions[] = pieces.map((p) => ({
    id: p.id,
    kind: p.kind,
    label: p.label,
    boxes: [],
  }));
  let frames = 0;
  return {
    record(info) {
      frames++;
      info.figures.forEach((fig, i) => {
        const regions = characters[i]!;
        for (const part of FIGURE_PARTS)
          regions.parts[part]!.push(toRegionBox(fig.parts[part], width, height));
      });
      const view: View = info.views.background;
      pieces.forEach((piece, i) => {
        const [x, y, w, h] = piece.box;
        const plateBox = { x: x * width, y: y * height, w: w * width, h: h * height };
        elements[i]!.boxes.push(toRegionBox(boxToScreen(view, plateBox, width, height), width, height));
      });
    },
    result() {
      return {
        version: 1,
        width,
        height,
        fps,
        frameCount: frames,
        characters,
        elements,
        speech: shot.speech.map((s) => ({
          characterKey: s.character,
          startSeconds: Math.max(0, s.startSeconds),
          endSeconds: Math.min(durationSeconds, s.startSeconds + s.durationSeconds),
        })),
      };
    },
  };
}
