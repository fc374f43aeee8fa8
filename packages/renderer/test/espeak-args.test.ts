import { describe, expect, it } from 'vitest';
import { espeakHasVoice, parseEspeakVariants, parseEspeakVoices } from '../src/speech/espeak-args';

describe('espeak voice ids', () => {
  const voices = parseEspeakVoices(
    [
      'Pty Language       Age/Gender VoiceName          File                 Other Languages',
      ' 5  en-gb           --/M      English_(Great_Britain) gmw/en         (en 2)',
      ' 5  en-us           --/M      English_(America)  gmw/en-US            (en 3)',
    ].join('\n'),
  );
  const variants = parseEspeakVariants(
    [
      'Pty Language       Age/Gender VoiceName          File                 Other Languages',
      ' 5  variant         --/F      Alicia             !v/Alicia            ',
      ' 5  variant         --/F      f3                 !v/f3                ',
    ].join('\n'),
  );

  it('reads the variant names', () => {
    expect(variants).toEqual(['Alicia', 'f3']);
  });

  it('knows a language with or without a known variant, case-insensitively', () => {
    expect(espeakHasVoice('en-gb', voices, variants)).toBe(true);
    expect(espeakHasVoice('EN-US+F3', voices, variants)).toBe(true);
    expect(espeakHasVoice('en-us+alicia', voices, variants)).toBe(true);
  });

  it('refuses an unknown language, an unknown variant and a doubled variant', () => {
    expect(espeakHasVoice('xx', voices, variants)).toBe(false);
    expect(espeakHasVoice('en-us+m9', voices, variants)).toBe(false);
    expect(espeakHasVoice('en-us+f3+f3', voices, variants)).toBe(false);
    expect(espeakHasVoice('+f3', voices, variants)).toBe(false);
  });
});
