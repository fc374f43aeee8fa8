import { useEffect, useRef } from 'react';
import { useWaveform } from './render-queries';
import { columnCount, peakColumns, waveformBars } from './waveform';

const PITCH = 3;
const GAP = 1;

/** The take's sound as bars on a canvas, drawn from the peaks JSON (sharp on high-density screens). */
export function WaveformCanvas({ url, label }: { url: string; label: string }) {
  const waveform = useWaveform(url).data ?? null;
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas || !waveform) return;
    const draw = () => {
      const width = canvas.clientWidth;
      const height = canvas.clientHeight;
      const scale = window.devicePixelRatio || 1;
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(scale, 0, 0, scale, 0, 0);
      ctx.clearRect(0, 0, width, height);
      ctx.fillStyle = getComputedStyle(canvas).color;
      const columns = peakColumns(waveform.peaks, columnCount(width, PITCH, waveform.peaks.length));
      for (const bar of waveformBars(columns, width, height, GAP))
        ctx.fillRect(bar.x, bar.y, bar.width, bar.height);
    };
    draw();
    const observer = new ResizeObserver(draw);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [waveform]);
  return (
    <canvas
      ref={ref}
      className="waveform"
      role="img"
      aria-label={label}
      data-peaks={waveform?.peaks.length ?? 0}
    />
  );
}
