import type { PatchProjectBody } from '@ministudio/domain';

/** A settings change in a filmmaker's words, for the stale warning: "Style → cyberpunk". */
export function describeChange(patch: PatchProjectBody): string {
  const parts: string[] = [];
  if (patch.aspectRatio) parts.push(`Aspect ratio → ${patch.aspectRatio}`);
  if (patch.width !== undefined && patch.height !== undefined)
    parts.push(`Size → ${patch.width} × ${patch.height}`);
  if (patch.fps !== undefined) parts.push(`Frame rate → ${patch.fps} fps`);
  if (patch.style !== undefined) parts.push(`Style → ${patch.style}`);
  if (patch.negativePrompt !== undefined)
    parts.push(patch.negativePrompt ? 'New negative prompt' : 'Negative prompt removed');
  if (patch.fitMode) parts.push(`Fit mode → ${patch.fitMode}`);
  if (patch.animaticText) {
    const words = { none: 'nothing', dialogue: 'dialogue', 'dialogue-and-action': 'dialogue and action' };
    parts.push(`Text on the animatic → ${words[patch.animaticText]}`);
  }
  if (patch.defaultProvider) parts.push(`Default provider → ${patch.defaultProvider}`);
  if (patch.narrationVoice) {
    const v = patch.narrationVoice;
    parts.push(`Narration voice → ${v.voiceId} (${v.provider}, rate ${v.rate}, pitch ${v.pitch})`);
  }
  return parts.join(', ');
}
