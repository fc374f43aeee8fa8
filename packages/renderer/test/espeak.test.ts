import { readdirSync, readFileSync } from 'node:fs';
import { ProviderError } from '@ministudio/domain';
import { decodePcm16Wav, probe } from '@ministudio/media';
import { describe, expect, it } from 'vitest';
import {
  createEspeakSpeechProvider,
  espeakArgs,
  espeakPitch,
  espeakWpm,
  parseEspeakVoices,
} from '../src/index';
import { jobContext, tempDir } from './helpers/fixtures';

const voice = { provider: 'espeak', voiceId: 'en-us', rate: 1, pitch: 0 };

describe('espeak arguments', () => {
  it('maps rate 1 to 160 wpm within espeak’s limits and semitones onto 0..99 around 50', () => {
    expect(espeakWpm(1)).toBe(160);
    expect(espeakWpm(0.5)).toBe(80);
    expect(espeakWpm(2)).toBe(320);
    expect(espeakWpm(10)).toBe(450);
    expect(espeakPitch(0)).toBe(50);
    expect(espeakPitch(12)).toBe(99);
    expect(espeakPitch(-12)).toBe(0);
    expect(espeakPitch(2)).toBe(58);
  });

  it('keeps the text off the command line', () => {
    const args = espeakArgs({ ...voice, rate: 0.92, pitch: -2 }, '/tmp/x.wav');
    expect(args).toEqual(['-v', 'en-us', '-s', '147', '-p', '42', '-b', '1', '-w', '/tmp/x.wav', '--stdin']);
  });

  it('parses the voice listing, one voice per language, without MBROLA voices', () => {
    const listing = [
      'Pty Language       Age/Gender VoiceName          File                 Other Languages',
      ' 2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)',
      ' 3  en-uk           --/M      english-mb-en1     mb/mb-en1            (en-gb 3)(en 2)',
      ' 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)',
      ' 5  en-us           --/F      us-mbrola-1        mb/mb-us1            (en 8)',
    ].join('\n');
    expect(parseEspeakVoices(listing)).toEqual([
      { id: 'en-gb', name: 'English (Great Britain)', language: 'en-gb' },
      { id: 'en-us', name: 'English (America)', language: 'en-us' },
    ]);
  });
});

describe('espeak speech provider (real espeak-ng)', () => {
  const speech = createEspeakSpeechProvider();

  it('writes a WAV and returns its exact duration, with no temp file left', async () => {
    const dir = tempDir();
    const result = await speech.synthesize({ text: 'There has to be a better way.', voice }, jobContext(dir));
    expect(result.mime).toBe('audio/wav');
    expect(readdirSync(dir)).toEqual([result.path.split('/').pop()]);
    const decoded = decodePcm16Wav(readFileSync(result.path))!;
    expect(result.durationSeconds).toBe(decoded.samples.length / decoded.sampleRate);
    const info = await probe(result.path);
    expect(info.durationSeconds).toBeCloseTo(result.durationSeconds, 2);
    expect(result.durationSeconds).toBeGreaterThan(1);
  });

  it('speaks faster at a higher rate', async () => {
    const dir = tempDir();
    const text = 'Every story begins with a little context.';
    const slow = await speech.synthesize({ text, voice: { ...voice, rate: 0.7 } }, jobContext(dir));
    const fast = await speech.synthesize({ text, voice: { ...voice, rate: 1.6 } }, jobContext(dir));
    expect(fast.durationSeconds).toBeLessThan(slow.durationSeconds * 0.7);
  });

  it('speaks text that looks like an option instead of obeying it', async () => {
    const dir = tempDir();
    const result = await speech.synthesize({ text: '--version -w /tmp/evil.wav', voice }, jobContext(dir));
    expect(result.durationSeconds).toBeGreaterThan(0.5);
  });

  it('rejects an empty line, an unknown voice and a voice id shaped like an option', async () => {
    const dir = tempDir();
    const code = (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: ProviderError) => e.code,
      );
    expect(await code(speech.synthesize({ text: '  ', voice }, jobContext(dir)))).toBe(
      'provider_rejected_input',
    );
    expect(
      await code(speech.synthesize({ text: 'hi', voice: { ...voice, voiceId: 'xx-nope' } }, jobContext(dir))),
    ).toBe('provider_rejected_input');
    expect(
      await code(speech.synthesize({ text: 'hi', voice: { ...voice, voiceId: '--help' } }, jobContext(dir))),
    ).toBe('provider_rejected_input');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says it is unavailable when the binary is missing', async () => {
    const missing = createEspeakSpeechProvider({ binary: '/nonexistent/espeak-ng' });
    expect(missing.configured()).toBe(false);
    const error = await missing
      .synthesize({ text: 'hi', voice }, jobContext(tempDir()))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).code).toBe('provider_unavailable');
    expect(speech.configured()).toBe(true);
  });

  it('leaves nothing behind when cancelled', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    controller.abort();
    const error = await speech
      .synthesize({ text: 'A line that never gets spoken.', voice }, jobContext(dir, controller.signal))
      .catch((e: unknown) => e);
    expect((error as ProviderError).code).toBe('cancelled');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('lists its voices', async () => {
    const voices = await speech.listVoices();
    expect(voices.map((v) => v.id)).toContain('en-us');
    expect(voices.map((v) => v.id)).toContain('en-gb');
  });
});
