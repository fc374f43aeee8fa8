import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImageInput } from '@ministudio/domain';

export interface Fixtures {
  dir: string;
  mp4: Buffer;
  wav: Buffer;
  mp3: Buffer;
  image: ImageInput;
}

let cached: Fixtures | null = null;

/** Tiny real media made with ffmpeg's lavfi sources: what the fake servers hand back. */
export function fixtures(): Fixtures {
  if (cached !== null) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'providers-fixtures-'));
  const ff = (...args: string[]) =>
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
  ff(
    '-f',
    'lavfi',
    '-i',
    'testsrc=size=160x90:rate=8',
    '-t',
    '1',
    '-pix_fmt',
    'yuv420p',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-movflags',
    '+faststart',
    join(dir, 'clip.mp4'),
  );
  ff(
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:duration=0.6',
    '-ac',
    '1',
    '-c:a',
    'pcm_s16le',
    join(dir, 'line.wav'),
  );
  ff(
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=330:duration=0.6',
    '-ac',
    '1',
    '-c:a',
    'libmp3lame',
    '-b:a',
    '64k',
    join(dir, 'line.mp3'),
  );
  ff('-f', 'lavfi', '-i', 'color=c=red:s=64x64', '-frames:v', '1', join(dir, 'frame.png'));
  const png = readFileSync(join(dir, 'frame.png'));
  cached = {
    dir,
    mp4: readFileSync(join(dir, 'clip.mp4')),
    wav: readFileSync(join(dir, 'line.wav')),
    mp3: readFileSync(join(dir, 'line.mp3')),
    image: {
      path: join(dir, 'frame.png'),
      mime: 'image/png',
      sha256: createHash('sha256').update(png).digest('hex'),
    },
  };
  return cached;
}
