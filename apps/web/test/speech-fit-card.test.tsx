import {
  estimatedSpeechShotSeconds,
  type ProjectView,
  type ProviderDescription,
  type ShotState,
  type ShotView,
} from '@ministudio/domain';
import { act, cleanup, fireEvent, render, within } from '@testing-library/react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../src/app/app';
import { navigate, projectPath } from '../src/lib/router';
import { cardDuration } from '../src/storyboard/shot-summary';
import { speechFitAdvice } from '../src/storyboard/speech-fit';
import { type SentRequest, stubServer } from './editor-harness';
import { projectView } from './project-fixture';

// A fixed-length shot whose speech runs past its end: its card names the line and offers the three
// fixes as one click each. A take of another length shows its real length on the card.

// About 1,650 characters, 275 words: some 110 s of speech in an 8 s shot.
const LONG = Array.from({ length: 25 }, (_, i) => `This is sentence ${i + 1} of the long speech, said aloud.`)
  .join(' ')
  .padEnd(1650, ' unquestionably');

const base = projectView('pf', 'Fit', ['Too much to say', 'Fits', 'Held', 'Follows', 'Split me']);
const lead = base.characters[0]!;
const shots = base.scenes[0]!.shots;
const [long, fits, held, follows, splitMe] = shots as [ShotView, ShotView, ShotView, ShotView, ShotView];
splitMe.duration = 8;
splitMe.dialogue = [{ character: lead.key, text: LONG }];
long.duration = 8;
long.dialogue = [{ character: lead.key, text: LONG }];
fits.duration = 8;
fits.dialogue = [{ character: lead.key, text: 'A few words.' }];
held.duration = 8;
follows.duration = 'speech';
follows.dialogue = [{ character: lead.key, text: 'Enough to follow.' }];
const project: ProjectView = base;

const providers: Partial<ProviderDescription>[] = [
  {
    id: 'local',
    label: 'Local animatic',
    kind: 'video',
    configured: true,
    models: [
      { model: 'animatic', label: 'Animatic', durations: { kind: 'range', min: 0.5, max: 120 } } as never,
    ],
  },
];
const state = (shotId: string, durationSeconds: number | null): ShotState => ({
  shotId,
  chosenTakeId: durationSeconds === null ? null : `take-${shotId}`,
  status: durationSeconds === null ? null : 'succeeded',
  stale: false,
  posterUrl: null,
  videoUrl: null,
  filmstripUrl: null,
  waveformUrl: null,
  durationSeconds,
});

let sent: SentRequest[];
let created = 0;
beforeAll(() => {
  sent = stubServer([project], ({ method, path, body }) => {
    if (path === '/api/providers') return providers;
    if (path === '/api/projects/pf/shot-states')
      return [state(long.id, null), state(fits.id, null), state(held.id, 110.04), state(follows.id, 12.36)];
    for (const shot of [long, splitMe])
      if (method === 'PATCH' && path === `/api/shots/${shot.id}`)
        return { version: project.version + 1, shot: { ...shot, ...(body as object) } };
    if (method === 'POST' && path === `/api/scenes/${long.sceneId}/shots`) {
      created++;
      return {
        version: project.version + 1 + created,
        shot: { ...long, ...(body as object), id: `new-${created}`, key: `new-${created}` },
      };
    }
    return undefined;
  });
  act(() => navigate(projectPath('pf')));
  render(<App />);
});
afterAll(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const card = (shotId: string) => document.querySelector(`[data-shot-id="${shotId}"]`) as HTMLElement;

describe('speech that does not fit its shot, on the card', () => {
  it('advises from the same estimate as the refusal: the line, its length, the shot’s', () => {
    const model = { rule: { kind: 'range', min: 0.5, max: 120 } as const, label: 'Animatic' };
    const advice = speechFitAdvice(project, long, model)!;
    expect(advice.misfit.shotSeconds).toBe(8);
    expect(advice.misfit.line.estimatedSeconds).toBeGreaterThan(100);
    const speech = estimatedSpeechShotSeconds(
      [{ character: lead.key, text: LONG, rate: lead.voice.rate }],
      project.fps,
    );
    expect(advice.lengthenTo).toBe(Math.ceil(speech));
    expect(advice.split.length).toBeGreaterThanOrEqual(Math.ceil(speech / 8));
    expect(advice.split.flatMap((p) => p.dialogue).every((l) => l.character === lead.key)).toBe(true);
    // A model that makes 8 s at most cannot lengthen it: the card says so.
    const short = speechFitAdvice(project, long, { rule: { kind: 'list', seconds: [4, 8] }, label: 'Veo' })!;
    expect(short.lengthenTo).toBeNull();
    expect(short.lengthenBlocked).toBe('Veo makes at most 8 s');
    expect(speechFitAdvice(project, fits, model)).toBeNull();
    expect(speechFitAdvice(project, follows, model)).toBeNull();
  });

  it('names the line and offers follow, lengthen and split; only on the shot that does not fit', async () => {
    const note = await within(card(long.id)).findByRole('region', {
      name: 'Shot 1: the speech does not fit',
    });
    expect(note.textContent).toContain(`${lead.name}’s line “This is sentence 1`);
    expect(note.textContent).toContain('but the shot lasts 8 s');
    expect(within(note).getByRole('button', { name: 'Follow the speech' })).toBeTruthy();
    expect(within(note).getByRole('button', { name: /^Lengthen to 1\d\d s$/ })).toBeTruthy();
    expect(within(note).getByRole('button', { name: /^Split into \d+ shots$/ })).toBeTruthy();
    expect(within(card(fits.id)).queryByRole('region')).toBeNull();
    expect(within(card(follows.id)).queryByRole('region')).toBeNull();
  });

  it('follows the speech in one click, and the warning goes', async () => {
    const note = await within(card(long.id)).findByRole('region');
    await act(async () => {
      fireEvent.click(within(note).getByRole('button', { name: 'Follow the speech' }));
    });
    const patch = sent.find((r) => r.method === 'PATCH' && r.path === `/api/shots/${long.id}`);
    expect(patch?.body).toEqual({ duration: 'speech' });
    expect(within(card(long.id)).queryByRole('region')).toBeNull();
    expect(within(card(long.id)).getByText('speech')).toBeTruthy();
  });
});

describe('splitting a shot whose speech does not fit', () => {
  it('keeps the first lines and adds shots after it with the rest, in one click', async () => {
    const note = await within(card(splitMe.id)).findByRole('region');
    const button = within(note).getByRole('button', { name: /^Split into \d+ shots$/ });
    const parts = Number(/\d+/.exec(button.textContent ?? '')![0]);
    await act(async () => {
      fireEvent.click(button);
    });
    const patch = sent.find((r) => r.method === 'PATCH' && r.path === `/api/shots/${splitMe.id}`);
    const posts = sent.filter(
      (r) => r.method === 'POST' && r.path === `/api/scenes/${splitMe.sceneId}/shots`,
    );
    expect(posts).toHaveLength(parts - 1);
    const texts = [patch!.body, ...posts.map((p) => p.body)].map((b) =>
      (b as { dialogue: { text: string }[] }).dialogue.map((l) => l.text).join(' '),
    );
    // Every word of the line is kept, in order, across the shots; each new shot follows the last.
    expect(texts.join(' ').split(/\s+/)).toEqual(LONG.split(/\s+/));
    expect(posts.map((p) => (p.body as { position: number }).position)).toEqual(
      posts.map((_, i) => shots.indexOf(splitMe) + 1 + i),
    );
    expect(posts.every((p) => (p.body as { duration: number }).duration === 8)).toBe(true);
  }, 30_000); // Thirty writes through the queue and as many board renders: slow on a loaded machine.
});

describe('a card’s length', () => {
  it('shows a take’s real length when it differs from the shot’s, and a speech shot’s once known', async () => {
    expect(await within(card(held.id)).findByText('8 s · take 110 s')).toBeTruthy();
    expect(within(card(follows.id)).getByText('speech · 12.4 s')).toBeTruthy();
    expect(within(card(fits.id)).getByText('8 s')).toBeTruthy();
    expect(cardDuration(8, 8.02).text).toBe('8 s');
    expect(cardDuration(8, 8.02).differs).toBe(false);
    expect(cardDuration(8, 6).differs).toBe(true);
    expect(cardDuration('speech', null).text).toBe('speech');
  });
});
