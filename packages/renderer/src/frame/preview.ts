import { type Canvas, createCanvas } from '@napi-rs/canvas';

export const PREVIEW_INTERVAL_MS = 1000;
export const PREVIEW_LONG_SIDE = 320;
const PREVIEW_JPEG_QUALITY = 70;

export type PreviewSink = (jpeg: Buffer) => void | Promise<void>;

/** A preview goes out on the first frame, then at most once per interval of wall-clock time. */
export function shouldSendPreview(nowMs: number, lastSentMs: number | null, intervalMs: number): boolean {
  return lastSentMs === null || nowMs - lastSentMs >= intervalMs;
}

/** Size of a preview: the frame scaled so its long side fits, never enlarged. */
export function previewSize(
  width: number,
  height: number,
  longSide = PREVIEW_LONG_SIDE,
): { width: number; height: number } {
  const scale = Math.min(1, longSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * Sends downscaled JPEGs of the frame being drawn to a sink, throttled by wall clock. The encode and the
 * sink run off the frame loop and their failures are swallowed: a preview must never fail or slow a render.
 */
export function createPreviewSender(source: Canvas, sink: PreviewSink, now: () => number = Date.now) {
  const size = previewSize(source.width, source.height);
  const small = createCanvas(size.width, size.height);
  const ctx = small.getContext('2d');
  let lastSentMs: number | null = null;
  let inFlight = false;
  return {
    /** Starts a send when one is due; the promise (which never rejects) is for callers that want to wait. */
    maybeSend(): Promise<void> | null {
      const t = now();
      // A slow consumer skips previews rather than queueing them behind the render.
      if (inFlight || !shouldSendPreview(t, lastSentMs, PREVIEW_INTERVAL_MS)) return null;
      lastSentMs = t;
      inFlight = true;
      ctx.drawImage(source, 0, 0, size.width, size.height);
      return small
        .encode('jpeg', PREVIEW_JPEG_QUALITY)
        .then((jpeg) => sink(jpeg))
        .catch(() => {})
        .finally(() => {
          inFlight = false;
        });
    },
  };
}
