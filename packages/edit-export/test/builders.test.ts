// biome-ignore-all lint/suspicious/noExplicitAny: the parsed XML and JSON documents are walked untyped
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Cut } from '../src';
import {
  buildOtio,
  cutSrt,
  EDL_RECORD_START_FRAMES,
  editFile,
  edlText,
  exportBaseName,
  fcpTime,
  fcpxmlText,
  fcpxmlWithMediaBase,
  mltText,
  otioProblems,
  otioText,
  parseFcpTime,
  parseTimecode,
  readEdl,
  readOtio,
  timecode,
  totalFrames,
} from '../src';
import { sampleCut } from './sample-cut';

const NTSC = { num: 24000, den: 1001 };
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: () => false });
const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

describe('times', () => {
  it('writes non-drop timecode with integer maths and reads it back', () => {
    expect(timecode(0, { num: 24, den: 1 })).toBe('00:00:00:00');
    expect(timecode(24 * 86400 - 1, { num: 24, den: 1 })).toBe('23:59:59:23');
    // 23.976 counts whole frames at base 24 (non-drop), so 24 frames is one timecode second.
    expect(timecode(24, NTSC)).toBe('00:00:01:00');
    expect(timecode(30 * 61 + 7, { num: 30000, den: 1001 })).toBe('00:01:01:07');
    for (const frames of [0, 1, 23, 24, 86399, 123456])
      expect(parseTimecode(timecode(frames, NTSC), NTSC)).toBe(frames);
    expect(() => timecode(1.5, NTSC)).toThrow(/frame count/);
  });

  it('writes FCPXML times as reduced rationals on frame boundaries', () => {
    expect(fcpTime(0, NTSC)).toBe('0s');
    expect(fcpTime(1, NTSC)).toBe('1001/24000s');
    expect(fcpTime(48, { num: 24, den: 1 })).toBe('2s');
    expect(fcpTime(25, { num: 24, den: 1 })).toBe('25/24s');
    expect(parseFcpTime(fcpTime(12345, NTSC), NTSC)).toBe(12345);
  });
});

describe('a 500-shot film at 23.976', () => {
  const cut = sampleCut(500, NTSC);
  const total = totalFrames(cut);

  it('EDL: 500 events end to end; the last record out is the start plus the sum of frames', () => {
    const started = performance.now();
    const text = edlText(cut);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(2000);
    expect(text.startsWith('TITLE: The Lighthouse & "Keeper"\r\nFCM: NON-DROP FRAME\r\n')).toBe(true);
    const events = readEdl(text, NTSC);
    expect(events).toHaveLength(500);
    const start = EDL_RECORD_START_FRAMES(NTSC);
    let at = start;
    events.forEach((event, i) => {
      expect(event.event).toBe(i + 1);
      expect(event.recordIn).toBe(at);
      expect(event.recordOut - event.recordIn).toBe(event.sourceOut - event.sourceIn);
      expect(event.sourceOut - event.sourceIn).toBe(cut.clips[i]!.frames);
      expect(event.reel.length).toBeLessThanOrEqual(8);
      expect(event.clipName).toBe(cut.clips[i]!.name.normalize('NFKD').replace(/[^\x20-\x7e]/g, ''));
      at = event.recordOut;
    });
    expect(events.at(-1)!.recordOut - start).toBe(total);
    expect(timecode(events.at(-1)!.recordOut, NTSC)).toBe(timecode(start + total, NTSC));
    // Every event line is 8 fields in the CMX columns.
    expect(text).toMatch(
      /^001 {2}SH0001 {3}AA\/V {2}C {8}00:00:00:00 00:00:\d\d:\d\d 01:00:00:00 01:00:\d\d:\d\d\r$/m,
    );
    expect(text).toContain('* SOURCE FILE: clips/0001-shot-1.mp4');
    expect(text).toContain('* LOC: 01:00:00:00 RED     Scene 1 <night>');
  });

  it('OTIO: the document has the structure OTIO’s schema requires and reads back frame for frame', () => {
    const doc = buildOtio(cut);
    expect(otioProblems(doc)).toEqual([]);
    expect(doc.tracks.children.map((t) => t.kind)).toEqual(['Video', 'Audio']);
    const back = readOtio(otioText(cut));
    expect(back.name).toBe(cut.title);
    expect(back.rate).toBeCloseTo(23.976, 3);
    expect(back.totalFrames).toBe(total);
    expect(back.clips).toHaveLength(500);
    let at = 0;
    back.clips.forEach((clip, i) => {
      expect(clip).toMatchObject({ name: cut.clips[i]!.name, media: cut.clips[i]!.media, recordStart: at });
      expect(clip.frames).toBe(cut.clips[i]!.frames);
      at += clip.frames;
    });
    expect(back.clips[0]!.lines).toEqual(['Emma: Line 1 & <more>']);
    expect(back.scenes).toHaveLength(Math.ceil(500 / 7));
    expect(back.scenes[1]).toEqual({
      name: 'Scene 2 <night>',
      start: cut.clips.slice(0, 7).reduce((s, c) => s + c.frames, 0),
      frames: cut.clips.slice(7, 14).reduce((s, c) => s + c.frames, 0),
    });
  });

  it('OTIO: the schema check finds what a reader would trip on', () => {
    const doc = JSON.parse(otioText(sampleCut(2))) as Record<string, any>;
    const clip = doc.tracks.children[0].children[0];
    delete clip.active_media_reference_key;
    clip.source_range.duration.OTIO_SCHEMA = 'RationalTime.2';
    doc.tracks.children[0].kind = 'Subtitle';
    const problems = otioProblems(doc);
    expect(problems.join('\n')).toMatch(/active_media_reference_key/);
    expect(problems.join('\n')).toMatch(/\/tracks\/children\/0\/kind/);
    expect(() => readOtio(JSON.stringify(doc))).toThrow(/Not an OTIO timeline/);
    expect(otioProblems({ OTIO_SCHEMA: 'Timeline.1' }).length).toBeGreaterThan(0);
  });

  it('FCPXML: well-formed, every asset-clip where the one before ended, the durations summing to the sequence', () => {
    const text = fcpxmlText(cut);
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = parser.parse(text);
    expect(doc.fcpxml.version).toBe('1.10');
    const format = doc.fcpxml.resources.format;
    expect(format.frameDuration).toBe('1001/24000s');
    expect(asArray(doc.fcpxml.resources.asset)).toHaveLength(500);
    const sequence = doc.fcpxml.library.event.project.sequence;
    expect(sequence.tcFormat).toBe('NDF');
    expect(parseFcpTime(sequence.duration, NTSC)).toBe(total);
    const clips = asArray(sequence.spine['asset-clip']) as Record<string, any>[];
    expect(clips).toHaveLength(500);
    let at = 0;
    for (const [i, clip] of clips.entries()) {
      expect(parseFcpTime(clip.offset, NTSC)).toBe(at);
      const frames = parseFcpTime(clip.duration, NTSC);
      expect(Number.isInteger(frames)).toBe(true);
      expect(frames).toBe(cut.clips[i]!.frames);
      at += frames;
    }
    expect(at).toBe(total);
    const firstAsset = asArray(doc.fcpxml.resources.asset)[0] as Record<string, any>;
    expect(firstAsset['media-rep'].src).toBe('clips/0001-shot-1.mp4');
    expect(clips[0]!.marker.value).toBe('Scene 1 <night>');
    expect(clips[0]!.caption.text['text-style']['#text']).toBe('Emma: Line 1 & <more>');
  });

  it('FCPXML with a media base: every src an absolute file:// URL, spaces, unicode and # percent-encoded', () => {
    const folder = path.join(path.sep, 'tmp', 'My Films', 'Café – cut #1');
    const named: Cut = {
      ...sampleCut(2),
      clips: sampleCut(2).clips.map((clip, i) => ({
        ...clip,
        media: i === 0 ? 'clips/0001-café noir.mp4' : clip.media,
      })),
    };
    const text = fcpxmlText(named, { mediaBase: pathToFileURL(folder) });
    expect(XMLValidator.validate(text)).toBe(true);
    const srcs = asArray(parser.parse(text).fcpxml.resources.asset).map(
      (asset: any) => asset['media-rep'].src as string,
    );
    expect(srcs[0]).toBe(
      'file:///tmp/My%20Films/Caf%C3%A9%20%E2%80%93%20cut%20%231/clips/0001-caf%C3%A9%20noir.mp4',
    );
    for (const [i, src] of srcs.entries()) {
      expect(src).toMatch(/^file:\/\/\/[^ #é]*$/);
      expect(fileURLToPath(src)).toBe(path.join(folder, ...named.clips[i]!.media.split('/')));
    }
    // Without the base the zip's text stays relative to the .fcpxml.
    expect(fcpxmlText(named)).toContain('src="clips/0001-caf%C3%A9%20noir.mp4"');
  });

  it('FCPXML rebased after the fact equals one written with the base; absolute or climbing srcs are kept', () => {
    const cut = sampleCut(9);
    const base = pathToFileURL(path.join(path.sep, 'srv', 'edit ünë'));
    expect(fcpxmlWithMediaBase(fcpxmlText(cut), base)).toBe(fcpxmlText(cut, { mediaBase: base }));
    const odd = [
      '<media-rep kind="original-media" src="file:///elsewhere/a.mp4"/>',
      '<media-rep kind="original-media" src="../outside.mp4"/>',
      '<media-rep kind="original-media" src="clips/%E0%A4%A.mp4"/>',
    ].join('\n');
    expect(fcpxmlWithMediaBase(odd, base)).toBe(odd);
  });

  it('MLT: well-formed, one entry per clip with inclusive outs, the tractor as long as the film', () => {
    const text = mltText(cut);
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = parser.parse(text);
    expect(doc.mlt.profile).toMatchObject({ frame_rate_num: '24000', frame_rate_den: '1001', width: '1280' });
    const track = asArray(doc.mlt.playlist).find((p: any) => p.id === 'playlist0') as any;
    const entries = asArray(track.entry) as { in: string; out: string }[];
    expect(entries).toHaveLength(500);
    expect(entries.reduce((sum, e) => sum + Number(e.out) - Number(e.in) + 1, 0)).toBe(total);
    expect(Number(doc.mlt.tractor.out) + 1).toBe(total);
  });

  it('SRT and file names', () => {
    const srt = cutSrt(sampleCut(4));
    expect(srt).toMatch(/^1\n00:00:00,208 --> 00:00:01,042\nEmma: Line 1 & <more>\n/);
    expect(exportBaseName('Émilie: la nuit/2')).toBe('Émilie_ la nuit_2');
    expect(exportBaseName('///')).toBe('_');
    expect(editFile(cut, 'mlt')).toMatchObject({
      name: 'The Lighthouse _ _Keeper_.mlt',
      mime: 'application/xml',
    });
  });
});
