import type { ShotContext } from '@ministudio/domain';
import type { Canvas } from '@napi-rs/canvas';
import { plateKey } from './plate-key';
import type { PlateInput } from './plate-spec';
import { loadPlateCanvas, renderPlateCanvas } from './render-plate';

const EMPTY_SET: Pick<PlateInput, 'key' | 'location' | 'identity' | 'context'> = {
  key: '',
  location: '',
  identity: { architecture: '', fixedElements: [], palette: [] },
  context: { lighting: '', weather: '', timeOfDay: '' },
};

/** The plate input for a shot: its environment (or a bare stage), the style, the frame size and the scene's seed. */
export function plateInputFor(shot: ShotContext, width: number, height: number): PlateInput {
  const env = shot.environment ?? EMPTY_SET;
  return {
    key: env.key,
    location: env.location,
    identity: env.identity,
    context: env.context,
    style: shot.style,
    width,
    height,
    seed: shot.sceneSeed,
  };
}

/**
 * Plates already drawn, by key, so the shots of one environment composite over the very same pixels.
 * Small: a production has few environments, and a plate is one frame of memory.
 */
export class PlateCache {
  private readonly plates = new Map<string, Canvas>();
  constructor(private readonly capacity: number) {}

  async plateFor(shot: ShotContext, width: number, height: number): Promise<{ key: string; plate: Canvas }> {
    const uploaded = shot.environment?.plate ?? null;
    const key = uploaded
      ? `image:${uploaded.sha256}:${width}x${height}`
      : plateKey(plateInputFor(shot, width, height));
    const cached = this.plates.get(key);
    if (cached) return { key, plate: cached };
    const plate = uploaded
      ? await loadPlateCanvas(uploaded.path, width, height)
      : renderPlateCanvas(plateInputFor(shot, width, height));
    if (this.plates.size >= this.capacity) this.plates.delete(this.plates.keys().next().value!);
    this.plates.set(key, plate);
    return { key, plate };
  }
}
