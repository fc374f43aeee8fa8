import { describe, expect, it } from 'vitest';
import { ANIMATIC_TEXT, defaultProjectSettings, SAMPLE_PRODUCTIONS, validateProduction } from '../src';

const clone = <T>(value: T): T => structuredClone(value);

describe('validateProduction', () => {
  it('accepts both sample productions', () => {
    for (const sample of SAMPLE_PRODUCTIONS) {
      const result = validateProduction(sample);
      expect(result.ok ? [] : result.issues).toEqual([]);
    }
  });

  it('the samples match the journal (6 shots, 48 s; 8 shots, 64 s)', () => {
    const [contextBytes, lastAlgorithm] = SAMPLE_PRODUCTIONS;
    const total = (p: (typeof SAMPLE_PRODUCTIONS)[number]) =>
      p.scenes
        .flatMap((s) => s.shots)
        .reduce((sum, shot) => sum + (shot.duration === 'speech' ? 0 : shot.duration), 0);
    expect(contextBytes!.scenes.flatMap((s) => s.shots)).toHaveLength(6);
    expect(total(contextBytes!)).toBe(48);
    expect(lastAlgorithm!.scenes.flatMap((s) => s.shots)).toHaveLength(8);
    expect(total(lastAlgorithm!)).toBe(64);
    expect(lastAlgorithm!.scenes.map((s) => s.title)).toEqual(['Night Lab', 'Dawn Lab']);
  });

  it('takes a production with or without the animatic’s text setting, refusing an unknown choice', () => {
    // A file written before the setting existed still validates (importing it takes the default).
    const older = clone(SAMPLE_PRODUCTIONS[0]!);
    delete older.project.animaticText;
    expect(validateProduction(older).ok).toBe(true);
    expect(defaultProjectSettings('New').animaticText).toBe('none');
    for (const animaticText of ANIMATIC_TEXT) {
      const doc = clone(SAMPLE_PRODUCTIONS[0]!);
      doc.project.animaticText = animaticText;
      expect(validateProduction(doc).ok).toBe(true);
    }
    // biome-ignore lint/suspicious/noExplicitAny: the test breaks the document on purpose
    const bad = clone(SAMPLE_PRODUCTIONS[0]!) as any;
    bad.project.animaticText = 'everything';
    const result = validateProduction(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain('/project/animaticText');
  });

  it('reports every schema error with its JSON path', () => {
    // biome-ignore lint/suspicious/noExplicitAny: the test breaks the document on purpose
    const doc = clone(SAMPLE_PRODUCTIONS[0]!) as unknown as Record<string, any>;
    doc.scenes[0].shots[1].shotType = 'dutch-angle';
    doc.scenes[0].shots[2].duration = -3;
    doc.characters[0].colour = 'red';
    delete doc.project.fps;
    const result = validateProduction(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((issue) => issue.path);
    expect(paths).toContain('/scenes/0/shots/1/shotType');
    expect(paths).toContain('/scenes/0/shots/2/duration');
    expect(paths).toContain('/characters/0');
    expect(paths).toContain('/project');
    expect(result.issues.find((i) => i.path === '/scenes/0/shots/1/shotType')?.message).toMatch(
      /extreme-wide/,
    );
    expect(result.issues.find((i) => i.path === '/characters/0')?.message).toMatch(/colour/);
    expect(result.issues.find((i) => i.path === '/project')?.message).toMatch(/fps/);
  });

  it('reports broken references between entities', () => {
    const doc = clone(SAMPLE_PRODUCTIONS[1]!);
    doc.scenes[0]!.environment = 'nowhere';
    doc.scenes[0]!.shots[1]!.dialogue[0]!.character = 'ghost';
    doc.scenes[1]!.shots[0]!.key = doc.scenes[0]!.shots[0]!.key;
    doc.characters[0]!.referenceImages = ['a'.repeat(64)];
    doc.characters.push({ ...doc.characters[0]!, name: 'Impostor', referenceImages: [] });
    const result = validateProduction(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.issues.map((issue) => issue.path).sort();
    expect(paths).toEqual(
      [
        '/characters/0/referenceImages/0',
        '/characters/2/key',
        '/scenes/0/environment',
        '/scenes/0/shots/1/dialogue/0/character',
        '/scenes/1/shots/0/key',
      ].sort(),
    );
  });

  it('refuses a document that is not a production', () => {
    const result = validateProduction({ format: 'something-else', version: 2 });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['/format', '/version']));
  });
});
