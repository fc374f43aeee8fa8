import type { AnimaticText } from '@ministudio/domain';
import { type Canvas, createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { captionFontFamily } from './fonts';

export interface Caption {
  action: string;
  /** The line being spoken now, with who speaks it, or null. */
  line: { speaker: string; text: string } | null;
}

/**
 * What the caption band shows for the project's setting: nothing, the line being spoken, or that and the
 * shot's action. No setting (a job queued before it existed) writes what the animatic always wrote.
 */
export function burnedCaption(
  mode: AnimaticText | undefined,
  action: string,
  line: Caption['line'],
): Caption {
  const text = mode ?? 'dialogue-and-action';
  if (text === 'none') return { action: '', line: null };
  return { action: text === 'dialogue-and-action' ? action : '', line };
}

/** Greedy word wrap to a pixel width; a single overlong word is kept whole on its own line. */
export function wrapText(measure: (text: string) => number, text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (current && measure(next) > maxWidth) {
      lines.push(current);
      current = word;
    } else current = next;
  }
  if (current) lines.push(current);
  return lines;
}

/** The caption band's height for a frame, the same in every shot so captions never jump. */
export function captionBandHeight(height: number): number {
  return Math.round(height * 0.24);
}

/**
 * Draws the lower third onto its own canvas (the band's height, the frame's width), to be cached
 * while the caption does not change and blitted onto each frame.
 */
export function renderCaption(caption: Caption, width: number, height: number): Canvas {
  const band = captionBandHeight(height);
  const canvas = createCanvas(width, band);
  const ctx = canvas.getContext('2d');
  const family = captionFontFamily();
  const actionSize = Math.max(10, Math.round(height * 0.028));
  const lineSize = Math.max(11, Math.round(height * 0.036));
  const pad = Math.round(width * 0.04);
  const maxWidth = width - pad * 2;
  const lines: { text: string; font: string; colour: string; size: number }[] = [];
  const addWrapped = (text: string, font: string, colour: string, size: number, limit: number) => {
    ctx.font = font;
    const wrapped = wrapText((t) => ctx.measureText(t).width, text, maxWidth);
    for (const [i, t] of wrapped.slice(0, limit).entries()) {
      const last = i === limit - 1 && wrapped.length > limit;
      lines.push({ text: last ? `${t} …` : t, font, colour, size });
    }
  };
  if (caption.line) {
    addWrapped(
      `${caption.line.speaker}: ${caption.line.text}`,
      `bold ${lineSize}px ${family}`,
      '#ffffff',
      lineSize,
      2,
    );
  }
  if (caption.action.trim())
    addWrapped(caption.action, `${actionSize}px ${family}`, '#d8dde6', actionSize, 2);
  if (!lines.length) return canvas;
  const total = lines.reduce((sum, l) => sum + l.size * 1.3, 0);
  const top = band - total - pad * 0.6;
  const gradient = ctx.createLinearGradient(0, Math.max(0, top - pad), 0, band);
  gradient.addColorStop(0, 'rgba(0,0,0,0)');
  gradient.addColorStop(0.35, 'rgba(0,0,0,0.55)');
  gradient.addColorStop(1, 'rgba(0,0,0,0.7)');
  ctx.fillStyle = gradient;
  ctx.fillRect(0, Math.max(0, top - pad), width, band);
  let y = top;
  for (const l of lines) {
    y += l.size * 1.3;
    drawLine(ctx, l.text, l.font, l.colour, pad, y - l.size * 0.3);
  }
  return canvas;
}

function drawLine(
  ctx: SKRSContext2D,
  text: string,
  font: string,
  colour: string,
  x: number,
  y: number,
): void {
  ctx.font = font;
  ctx.fillStyle = colour;
  ctx.fillText(text, x, y);
}
