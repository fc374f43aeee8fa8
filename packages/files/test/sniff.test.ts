import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffBytes, sniffFile } from '../src/index';

let dir: string;
const ffmpeg = (...args: string[]) =>
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...args]);
const picture = ['-f', 'lavfi', '-i', 'testsrc2=s=64x48:r=10:d=0.5'];
const tone = ['-f', 'lavfi', '-i', 'sine=f=440:d=0.5'];

// Real files from Debian's ffmpeg, one per container a provider may hand back.
const made: Record<string, { args: string[]; mime: RegExp; ext: string }> = {
  'clip.mp4': {
    args: [...picture, ...tone, '-c:v', 'libx264', '-c:a', 'aac'],
    mime: /^video\/mp4$/,
    ext: 'mp4',
  },
  'clip.mov': {
    args: [...picture, ...tone, '-c:v', 'libx264', '-c:a', 'aac'],
    mime: /^video\/quicktime$/,
    ext: 'mov',
  },
  'clip.webm': {
    args: [...picture, '-c:v', 'libvpx-vp9', '-deadline', 'realtime'],
    mime: /^video\/webm$/,
    ext: 'webm',
  },
  'tone.wav': { args: tone, mime: /^audio\/wav$/, ext: 'wav' },
  'tone.mp3': { args: tone, mime: /^audio\/mpeg$/, ext: 'mp3' },
  'bare.mp3': {
    args: [...tone, '-id3v2_version', '0', '-write_id3v1', '0', '-write_xing', '0', '-f', 'mp3'],
    mime: /^audio\/mpeg$/,
    ext: 'mp3',
  },
  'tone.ogg': { args: [...tone, '-c:a', 'libvorbis'], mime: /^audio\/ogg$/, ext: 'ogg' },
  'tone.flac': { args: tone, mime: /^audio\/flac$/, ext: 'flac' },
  'tone.m4a': { args: [...tone, '-c:a', 'aac'], mime: /^audio\/x-m4a$/, ext: 'm4a' },
};

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ministudio-sniff-'));
  for (const [name, spec] of Object.entries(made)) ffmpeg(...spec.args, path.join(dir, name));
  writeFileSync(
    path.join(dir, 'error.mp4'),
    '<!doctype html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
  );
  writeFileSync(path.join(dir, 'notes.png'), 'just some text, named like an image\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sniffFile and sniffBytes', () => {
  it.each(Object.entries(made))('recognise %s by its bytes', async (name, spec) => {
    const file = path.join(dir, name);
    const fromFile = await sniffFile(file);
    expect(fromFile?.mime).toMatch(spec.mime);
    expect(fromFile?.ext).toBe(spec.ext);
    expect(await sniffBytes(readFileSync(file))).toEqual(fromFile);
  });

  it('never take an HTML error page for a video, nor text for an image, whatever the name', async () => {
    expect(await sniffFile(path.join(dir, 'error.mp4'))).toBeNull();
    expect(await sniffBytes(readFileSync(path.join(dir, 'error.mp4')))).toBeNull();
    expect(await sniffFile(path.join(dir, 'notes.png'))).toBeNull();
    expect(await sniffBytes(new Uint8Array())).toBeNull();
  });

  it('recognise images the API accepts', async () => {
    const png = path.join(dir, 'frame.png');
    ffmpeg('-f', 'lavfi', '-i', 'testsrc2=s=32x32:d=0.1', '-frames:v', '1', png);
    expect(await sniffBytes(readFileSync(png))).toEqual({ mime: 'image/png', ext: 'png' });
  });
});
