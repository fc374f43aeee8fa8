import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomically } from '@ministudio/files';
import { type Canvas, createCanvas, loadImage } from '@napi-rs/canvas';
import { drawPlate } from './draw-plate';
import { plateKey } from './plate-key';
import { type PlateInput, planPlate } from './plate-spec';

/** Draws the environment's plate at full frame size. */
export function renderPlateCanvas(input: PlateInput): Canvas {
  const canvas = createCanvas(input.width, input.height);
  drawPlate(canvas.getContext('2d'), planPlate(input));
  return canvas;
}

/** The plate as PNG bytes with its key, for the pipeline to store as the environment's locked plate. */
export function renderPlatePng(input: PlateInput): { key: string; png: Buffer } {
  return { key: plateKey(input), png: renderPlateCanvas(input).toBuffer('image/png') };
}

/** Writes the plate as `<dir>/plate-<key>.png` (whole or not at all) and returns where. */
export async function writePlatePng(input: PlateInput, dir: string): Promise<{ key: string; path: string }> {
  const { key, png } = renderPlatePng(input);
  const target = path.join(dir, `plate-${key}.png`);
  await writeAtomically(target, (temp) => writeFile(temp, png));
  return { key, path: target };
}

/** An uploaded or locked plate image, scaled to cover the frame (never stretched) and centred. */
export async function loadPlateCanvas(imagePath: string, width: number, height: number): Promise<Canvas> {
  const image = await loadImage(imagePath);
  const canvas = createCanvas(width, height);
  const scale = Math.max(width / image.width, height / image.height);
  const w = image.width * scale;
  const h = image.height * scale;
  canvas.getContext('2d').drawImage(image, (width - w) / 2, (height - h) / 2, w, h);
  return canvas;
}
