import { sec } from './ffmpeg-job';

export const DEFAULT_LOUDNESS_LUFS = -16;

export interface MusicBed {
  path: string;
  /** Level of the bed before loudness normalisation, in dB (e.g. -14). */
  gainDb: number;
  fadeInSeconds: number;
  fadeOutSeconds: number;
}

export interface MixGraphSpec {
  /** Filter-graph labels such as "[1:a]" or "[s]", or null when absent. */
  speech: string | null;
  clipAudio: string | null;
  music: { label: string; bed: MusicBed } | null;
  durationSeconds: number;
  targetLufs: number;
  output: string;
}

const STEREO_48K = 'aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo';

/**
 * Speech on top, the clip's own audio and the music ducked under it (sidechain compression keyed by the speech),
 * then one loudness normalisation of the sum, cut to exactly `durationSeconds`.
 */
export function buildMixGraph(spec: MixGraphSpec): string {
  const d = spec.durationSeconds;
  const parts: string[] = [];
  const beds: { source: string; name: string }[] = [];
  if (spec.clipAudio) beds.push({ source: `${spec.clipAudio}${STEREO_48K}`, name: 'clip' });
  if (spec.music) {
    const { bed, label } = spec.music;
    const fadeIn = Math.max(0, Math.min(bed.fadeInSeconds, d / 2));
    const fadeOut = Math.max(0, Math.min(bed.fadeOutSeconds, d / 2));
    let chain = `${label}${STEREO_48K},volume=${bed.gainDb}dB,apad,atrim=0:${sec(d)}`;
    if (fadeIn > 0) chain += `,afade=t=in:st=0:d=${sec(fadeIn)}`;
    if (fadeOut > 0) chain += `,afade=t=out:st=${sec(d - fadeOut)}:d=${sec(fadeOut)}`;
    beds.push({ source: chain, name: 'music' });
  }
  const mixInputs: string[] = [];
  if (spec.speech) {
    const keys = beds.map((b) => `[key_${b.name}]`);
    parts.push(`${spec.speech}${STEREO_48K},asplit=${keys.length + 1}[speech]${keys.join('')}`);
    mixInputs.push('[speech]');
    for (const bed of beds) {
      parts.push(`${bed.source}[bed_${bed.name}]`);
      parts.push(
        `[bed_${bed.name}][key_${bed.name}]sidechaincompress=threshold=0.02:ratio=8:attack=20:release=350[ducked_${bed.name}]`,
      );
      mixInputs.push(`[ducked_${bed.name}]`);
    }
  } else {
    for (const bed of beds) {
      parts.push(`${bed.source}[bed_${bed.name}]`);
      mixInputs.push(`[bed_${bed.name}]`);
    }
  }
  const tail = `loudnorm=I=${spec.targetLufs}:TP=-1.5:LRA=11,${STEREO_48K},apad,atrim=0:${sec(d)}${spec.output}`;
  if (mixInputs.length === 0) {
    parts.push(`anullsrc=r=48000:cl=stereo,atrim=0:${sec(d)}${spec.output}`);
  } else if (mixInputs.length === 1) {
    parts.push(`${mixInputs[0]}${tail}`);
  } else {
    parts.push(`${mixInputs.join('')}amix=inputs=${mixInputs.length}:duration=longest:normalize=0,${tail}`);
  }
  return parts.join(';');
}
