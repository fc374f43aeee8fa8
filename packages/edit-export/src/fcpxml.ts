import { type Cut, placeClips, type Rate, sceneSpans, totalFrames } from './cut';
import { attrs, esc } from './xml';

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

export function fcpxmlText(cut: Cut): string {
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
      // Relative to the .fcpxml file: the export opens wherever the zip is unpacked.
      `      <media-rep${attrs({ kind: 'original-media', src: clip.media.split('/').map(encodeURIComponent).join('/') })}/>`,
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
