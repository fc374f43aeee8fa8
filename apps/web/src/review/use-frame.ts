import { useEffect, useState } from 'react';

// One frame of a take, grabbed in the browser: a detached <video> seeked to the first or last frame, drawn
// onto a canvas at the project's size. The videos are the studio's own (same origin), so the canvas stays
// readable for the difference view. While the frame loads, or when the take has no video, the poster
// stands in.

export interface Frame {
  /** A canvas with the frame at the project's size (null while only the poster is shown). */
  canvas: HTMLCanvasElement | null;
  /** What an <img> shows: the grabbed frame, else the poster. */
  src: string | null;
}

/** Where to seek for a frame: the first frame just after 0 (some decoders show nothing at exactly 0), the
 * last a little before the end (seeking to the duration itself lands past the last frame). */
export function seekTime(at: 'start' | 'end', duration: number, fps: number): number {
  const frame = 1 / Math.max(1, fps);
  if (!Number.isFinite(duration) || duration <= 0) return 0;
  return at === 'start' ? Math.min(duration, frame / 2) : Math.max(0, duration - frame);
}

export function useFrame(
  videoUrl: string | null,
  posterUrl: string | null,
  at: 'start' | 'end',
  size: { width: number; height: number; fps: number },
): Frame {
  const [frame, setFrame] = useState<Frame>({ canvas: null, src: posterUrl });
  const { width, height, fps } = size;

  useEffect(() => {
    setFrame({ canvas: null, src: posterUrl });
    if (!videoUrl) return;
    let cancelled = false;
    const video = document.createElement('video');
    video.muted = true;
    video.preload = 'auto';
    video.playsInline = true;
    const onMeta = () => {
      video.currentTime = seekTime(at, video.duration, fps);
    };
    const onSeeked = () => {
      if (cancelled) return;
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.drawImage(video, 0, 0, width, height);
      setFrame({ canvas, src: canvas.toDataURL('image/jpeg', 0.92) });
    };
    video.addEventListener('loadedmetadata', onMeta);
    video.addEventListener('seeked', onSeeked, { once: true });
    video.src = videoUrl;
    return () => {
      cancelled = true;
      video.removeEventListener('loadedmetadata', onMeta);
      video.removeAttribute('src');
      video.load();
    };
  }, [videoUrl, posterUrl, at, width, height, fps]);

  return frame;
}
