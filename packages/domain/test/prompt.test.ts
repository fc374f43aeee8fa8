import { describe, expect, it } from 'vitest';
import { compilePrompt, type PromptInput } from '../src';

const base: PromptInput = {
  style: 'ghibli',
  mood: 'warm',
  shotType: 'medium',
  camera: 'dolly-in',
  action: 'Glowing vines of data grow around the desk',
  narration: '',
  dialogue: [{ speaker: 'Emma', text: "It's all connected." }],
  characters: [
    {
      name: 'Emma',
      identity: [
        { key: 'hair', value: 'chestnut brown bob' },
        { key: 'outfit', value: 'blue sweater' },
      ],
      state: { expression: 'happy' },
    },
  ],
  environment: {
    name: 'GHIBLI_ATELIER',
    location: 'attic',
    identity: {
      architecture: 'wooden beams',
      fixedElements: ['mahogany bookshelves', 'desk'],
      palette: ['mahogany'],
    },
    context: { lighting: 'golden light', weather: '', timeOfDay: 'afternoon' },
  },
  previousNarration: null,
  continuesFromPrevious: false,
};

describe('compilePrompt', () => {
  it('puts the sections in a fixed order', () => {
    const prompt = compilePrompt(base);
    const order = [
      'Studio Ghibli',
      'absolute visual consistency',
      'Emma (identity locked',
      'Setting: GHIBLI_ATELIER',
      'Lighting and time',
      'Mood',
      'Medium shot, slow dolly in',
      'Action:',
      'Emma says',
      'Keep every character',
    ];
    const positions = order.map((part) => prompt.indexOf(part));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('carries every identity lock and the current state', () => {
    const prompt = compilePrompt(base);
    expect(prompt).toContain('hair: chestnut brown bob; outfit: blue sweater');
    expect(prompt).toContain('now happy expression');
    expect(prompt).toContain('fixed elements: mahogany bookshelves, desk');
  });

  it('is deterministic and changes when the action changes', () => {
    expect(compilePrompt(base)).toBe(compilePrompt(structuredClone(base)));
    expect(compilePrompt({ ...base, action: 'Emma closes the laptop' })).not.toBe(compilePrompt(base));
  });

  it('uses free-text styles verbatim and mentions continuity when chained', () => {
    const prompt = compilePrompt({
      ...base,
      style: 'claymation, stop motion',
      continuesFromPrevious: true,
      previousNarration: 'It began',
    });
    expect(prompt.split('\n')[0]).toBe('Style: claymation, stop motion.');
    expect(prompt).toContain('Previously: It began.');
    expect(prompt).toContain('previous shot’s last frame');
  });
});

describe('compilePrompt within a model’s prompt limit', () => {
  it('shrinks optional sections, least useful first, keeping identity, set, camera and action', () => {
    const full = compilePrompt({
      ...base,
      previousNarration: 'It began in the attic.',
      narration: 'Context grows.',
    });
    const limit = 520;
    expect(full.length).toBeGreaterThan(limit);
    const short = compilePrompt(
      { ...base, previousNarration: 'It began in the attic.', narration: 'Context grows.' },
      limit,
    );
    expect(short.length).toBeLessThanOrEqual(limit);
    expect(short).toContain('hair: chestnut brown bob; outfit: blue sweater');
    expect(short).toContain('Setting: GHIBLI_ATELIER');
    expect(short).toContain('Medium shot, slow dolly in');
    expect(short).toContain('Action: Glowing vines of data grow around the desk.');
    expect(short.split('\n')[0]).toBe('Style: ghibli.');
    expect(short).not.toContain('Previously:');
  });

  it('leaves a prompt that fits as it is, and one that cannot fit as short as it can be', () => {
    expect(compilePrompt(base, 100_000)).toBe(compilePrompt(base));
    const tiny = compilePrompt(base, 10);
    expect(tiny).toContain('identity locked');
    expect(tiny.length).toBeGreaterThan(10);
  });
});
