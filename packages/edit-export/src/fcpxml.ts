import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Cut, placeClips, type Rate, sceneSpans, totalFrames } from './cut';
import { attrs, esc, unesc } from './xml';

// FCPXML 1.10 (Final Cut Pro 10.6+, DaVinci Resolve): a format, one asset per clip file, and a project whose
// spine holds an asset-clip per shot. Every time is a rational number of seconds on a frame boundary
// (frames × den / num, e.g. 1001/24000s), so positions are exact. Scene starts are markers; dialogue and
// narration are ITT captions anchored to their clip.

export const FCPXML_VERSION = '1.10';

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** `frames` at `rate` as FCPXML time: "0s", "2s", "1001/24000s". */
export function fcpTime(frames: number, rate: Rate): string {
  if (frames === 0) return '0s';
  const num = frames * rate.den;
  const den = rate.num;
  const d = gcd(num, den);
  return den / d === 1 ? `${num / d}s` : `${num / d}/${den / d}s`;
}

/** Parses FCPXML time ("0s", "2s", "1001/24000s") into frames at `rate`. */
export function parseFcpTime(text: string, rate: Rate): number {
  const match = /^(\d+)(?:\/(\d+))?s$/.exec(text);
  if (!match) throw new Error(`Not an FCPXML time: ${text}`);
  const num = Number(match[1]);
  const den = match[2] ? Number(match[2]) : 1;
  return (num * rate.num) / (den * rate.den);
}

export interface FcpxmlOptions {
  /**
   * The folder the clips' paths are relative to, as a file: URL (`pathToFileURL(folder)`). With it every
   * media-rep names its clip by an absolute file:// URL; without it, by a URL relative to the .fcpxml.
   */
  mediaBase?: URL;
}

/**
 * A clip's media-rep `src`. Apple's FCPXML reference ("media-rep", Location of Media Files) allows "an
 * absolute URL conforming to RFC 2396" or "a relative URL based on the location of the FCPXML document
 * itself, for example: ./Media/MyMovie.mov", so the zip, unpacked anywhere, stays relative. Importers that
 * resolve relative URLs against their working folder instead (clips offline) get the absolute form from
 * a folder export, whose place is known.
 */
export function fcpMediaSrc(media: string, mediaBase?: URL): string {
  if (!mediaBase) return media.split('/').map(encodeURIComponent).join('/');
  // pathToFileURL does the platform's encoding (spaces, unicode, %, #, drive letters) per clip.
  return pathToFileURL(path.join(fileURLToPath(mediaBase), ...media.split('/'))).href;
}

/**
 * An FCPXML written with relative media (the studio's zip) with every relative media-rep src made
 * absolute under `mediaBase`: how a folder export, which only has the studio's text, pins its clips.
 * A src that is already absolute, cannot be decoded or climbs out of the folder ("..") is left as it is.
 */
export function fcpxmlWithMediaBase(text: string, mediaBase: URL): string {
  return text.replace(/(<media-rep\b[^>]*?\bsrc=")([^"]*)"/g, (whole, head: string, src: string) => {
    const relative = unesc(src);
    if (/^[a-z][a-z0-9+.-]*:/i.test(relative)) return whole;
    let segments: string[];
    try {
      segments = relative.split('/').map(decodeURIComponent);
    } catch {
      return whole;
    }
    if (segments.some((s) => s === '..' || s.includes('/') || s.includes('\\'))) return whole;
    return `${head}${esc(fcpMediaSrc(segments.join('/'), mediaBase))}"`;
  });
}

export function fcpxmlText(cut: Cut, options: FcpxmlOptions = {}): string {
  const { rate } = cut;
  const frameDuration = fcpTime(1, rate);
  const placed = placeClips(cut);
  const sceneStarts = new Map(sceneSpans(cut).map((span) => [span.start, span.title]));
  const audio = cut.audio ? { hasAudio: '1', audioSources: '1', audioChannels: '2', audioRate: '48000' } : {};
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE fcpxml>',
    `<fcpxml version="${FCPXML_VERSION}">`,
    '  <resources>',
    `    <format${attrs({ id: 'r1', frameDuration, width: cut.width, height: cut.height, colorSpace: '1-1-1 (Rec. 709)' })}/>`,
  ];
  for (const clip of placed) {
    const duration = fcpTime(clip.frames, rate);
    out.push(
      `    <asset${attrs({ id: `a${clip.number}`, name: clip.name, start: '0s', duration, hasVideo: '1', format: 'r1', ...audio })}>`,
      `      <media-rep${attrs({ kind: 'original-media', src: fcpMediaSrc(clip.media, options.mediaBase) })}/>`,
      '    </asset>',
    );
  }
  out.push(
    '  </resources>',
    '  <library>',
    `    <event${attrs({ name: cut.title })}>`,
    `      <project${attrs({ name: cut.title })}>`,
    `        <sequence${attrs({ format: 'r1', duration: fcpTime(totalFrames(cut), rate), tcStart: '0s', tcFormat: 'NDF', audioLayout: cut.audio ? 'stereo' : null, audioRate: cut.audio ? '48k' : null })}>`,
    '          <spine>',
  );
  let style = 0;
  for (const clip of placed) {
    out.push(
      `            <asset-clip${attrs({ ref: `a${clip.number}`, offset: fcpTime(clip.recordStart, rate), name: clip.name, start: '0s', duration: fcpTime(clip.frames, rate), format: 'r1', tcFormat: 'NDF' })}>`,
    );
    // The DTD wants anchored items (captions) before markers.
    for (const line of clip.lines) {
      style++;
      const text = line.speaker ? `${line.speaker}: ${line.text}` : line.text;
      out.push(
        `              <caption${attrs({ lane: 1, offset: fcpTime(line.startFrame, rate), name: text.slice(0, 60), duration: fcpTime(line.frames, rate), role: 'iTT?captionFormat=ITT.en' })}>`,
        `                <text placement="bottom"><text-style ref="ts${style}">${esc(text)}</text-style></text>`,
        `                <text-style-def id="ts${style}"><text-style${attrs({ font: 'Helvetica', fontSize: 13, fontColor: '1 1 1 1', italic: line.kind === 'narration' ? 1 : null })}/></text-style-def>`,
        '              </caption>',
      );
    }
    const scene = sceneStarts.get(clip.recordStart);
    if (scene !== undefined)
      out.push(`              <marker${attrs({ start: '0s', duration: frameDuration, value: scene })}/>`);
    out.push('            </asset-clip>');
  }
  out.push(
    '          </spine>',
    '        </sequence>',
    '      </project>',
    '    </event>',
    '  </library>',
    '</fcpxml>',
    '',
  );
  return out.join('\n');
}
