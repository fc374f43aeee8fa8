import { createCanvas, loadImage } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { createPreviewSender, previewSize, shouldSendPreview } from '../src/frame/preview';

describe('shouldSendPreview', () => {
  it('sends on the first frame', () => {
    expect(shouldSendPreview(5, null, 1000)).toBe(true);
  });
  it('waits for the interval after a send', () => {
    expect(shouldSendPreview(1999, 1000, 1000)).toBe(false);
    expect(shouldSendPreview(2000, 1000, 1000)).toBe(true);
  });
});

describe('previewSize', () => {
  it('fits the long side and keeps the aspect', () => {
    expect(previewSize(1280, 720)).toEqual({ width: 320, height: 180 });
    expect(previewSize(720, 1280)).toEqual({ width: 180, height: 320 });
  });
  it('never enlarges a small frame', () => {
    expect(previewSize(200, 100)).toEqual({ width: 200, height: 100 });
  });
});

describe('createPreviewSender', () => {
  it('sends a downscaled JPEG of the frame, then holds off until the interval passes', async () => {
    const frame = createCanvas(1280, 720);
    frame.getContext('2d').fillStyle = '#c03030';
    frame.getContext('2d').fillRect(0, 0, 1280, 720);
    let clock = 0;
    const got: Buffer[] = [];
    const sender = createPreviewSender(
      frame,
      (jpeg) => void got.push(jpeg),
      () => clock,
    );
    await sender.maybeSend();
    clock = 500;
    expect(sender.maybeSend()).toBeNull();
    expect(got).toHaveLength(1);
    expect([...got[0]!.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const image = await loadImage(got[0]!);
    expect([image.width, image.height]).toEqual([320, 180]);
  });

  it('keeps going when the sink throws', async () => {
    const frame = createCanvas(64, 36);
    let calls = 0;
    let clock = 0;
    const sender = createPreviewSender(
      frame,
      () => {
        calls++;
        throw new Error('sink down');
      },
      () => clock,
    );
    await sender.maybeSend();
    clock = 2000;
    await sender.maybeSend();
    expect(calls).toBe(2);
  });
});
