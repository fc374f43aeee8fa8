import { type Cut, placeClips, sceneSpans, totalFrames } from './cut';
import { attrs, esc } from './xml';

// MLT XML, the project format of Shotcut and Kdenlive and what `melt` plays: a profile at the project's size
// and rate, a producer per clip file, one playlist (the video track, in and out as inclusive frame numbers)
// inside a tractor. Resources are relative: MLT resolves them against the .mlt file's folder.

function property(name: string, value: string | number): string {
  return `<property name="${esc(name)}">${esc(value)}</property>`;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

export function mltText(cut: Cut): string {
  const { rate } = cut;
  const total = totalFrames(cut);
  const placed = placeClips(cut);
  const d = gcd(cut.width, cut.height);
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<mlt${attrs({ LC_NUMERIC: 'C', version: '7.12.0', title: cut.title, producer: 'main_bin' })}>`,
    `  <profile${attrs({
      description: `${cut.width}x${cut.height} ${(rate.num / rate.den).toFixed(3).replace(/\.?0+$/, '')} fps`,
      width: cut.width,
      height: cut.height,
      progressive: 1,
      sample_aspect_num: 1,
      sample_aspect_den: 1,
      display_aspect_num: cut.width / d,
      display_aspect_den: cut.height / d,
      frame_rate_num: rate.num,
      frame_rate_den: rate.den,
      colorspace: 709,
    })}/>`,
  ];
  for (const clip of placed) {
    out.push(
      `  <producer${attrs({ id: `clip${clip.number}`, in: 0, out: clip.frames - 1 })}>`,
      `    ${property('length', clip.frames)}`,
      `    ${property('eof', 'pause')}`,
      `    ${property('resource', clip.media)}`,
      `    ${property('mlt_service', 'avformat-novalidate')}`,
      `    ${property('seekable', 1)}`,
      `    ${property('shotcut:caption', clip.name)}`,
      `    ${property('kdenlive:clipname', clip.name)}`,
      '  </producer>',
    );
  }
  // Shotcut lists its bin from main_bin; xml_retain keeps it out of the rendered output.
  out.push('  <playlist id="main_bin">', `    ${property('xml_retain', 1)}`);
  for (const clip of placed)
    out.push(`    <entry${attrs({ producer: `clip${clip.number}`, in: 0, out: clip.frames - 1 })}/>`);
  out.push(
    '  </playlist>',
    '  <playlist id="playlist0">',
    `    ${property('shotcut:video', 1)}`,
    `    ${property('shotcut:name', 'V1')}`,
  );
  for (const clip of placed)
    out.push(`    <entry${attrs({ producer: `clip${clip.number}`, in: 0, out: clip.frames - 1 })}/>`);
  out.push(
    '  </playlist>',
    `  <tractor${attrs({ id: 'tractor0', title: cut.title, in: 0, out: total - 1 })}>`,
    `    ${property('shotcut', 1)}`,
    '    <properties name="shotcut:markers">',
  );
  sceneSpans(cut).forEach((span, index) => {
    out.push(
      `      <properties name="${index}">`,
      `        ${property('text', span.title)}`,
      `        ${property('start', span.start)}`,
      `        ${property('end', span.start)}`,
      `        ${property('color', '#e53935')}`,
      '      </properties>',
    );
  });
  out.push('    </properties>', '    <track producer="playlist0"/>', '  </tractor>', '</mlt>', '');
  return out.join('\n');
}
