import { type Cut, clipMediaPath, type Rate } from '../src';

/**
 * A cut of `shots` clips of uneven lengths (37–131 frames) in scenes of 7, with a line in every third clip,
 * so sums over a long film would drift if any writer added seconds as floats.
 */
export function sampleCut(shots: number, rate: Rate = { num: 24, den: 1 }): Cut {
  const scenes = Math.ceil(shots / 7);
  return {
    title: 'The Lighthouse & "Keeper"',
    rate,
    width: 1280,
    height: 720,
    audio: true,
    scenes: Array.from({ length: scenes }, (_, i) => ({
      title: `Scene ${i + 1} <night>`,
      key: `scene-${i + 1}`,
    })),
    clips: Array.from({ length: shots }, (_, i) => {
      const frames = 37 + ((i * 53) % 95);
      return {
        shotId: `shot-${i + 1}`,
        number: i + 1,
        name: `S${Math.floor(i / 7) + 1} shot ${(i % 7) + 1} — Émilie walks`,
        scene: Math.floor(i / 7),
        media: clipMediaPath(i + 1, `shot-${i + 1}`),
        frames,
        lines:
          i % 3 === 0
            ? [
                {
                  kind: i % 2 ? ('narration' as const) : ('dialogue' as const),
                  speaker: i % 2 ? null : 'Emma',
                  text: `Line ${i + 1} & <more>`,
                  startFrame: 5,
                  frames: Math.min(20, frames - 5),
                },
              ]
            : [],
      };
    }),
  };
}
