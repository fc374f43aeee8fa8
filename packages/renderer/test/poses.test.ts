import { describe, expect, it } from 'vitest';
import {
  characterLook,
  choosePose,
  clausesFor,
  figureLayout,
  figureParts,
  type Mark,
  type PoseMotion,
  poseNote,
  WALK_DISTANCE,
} from '../src/index';
import { contextBytes } from './helpers/fixtures';

const pose = (posture: string, action: string, name = 'Emma') =>
  choosePose(posture, action ? [action] : [], name);

describe('choosing a pose from the words', () => {
  it('reads the posture', () => {
    expect(pose('sitting on a bollard', '').pose).toMatchObject({ base: 'sitting', gesture: 'none' });
    expect(pose('seated at the console', '').pose.base).toBe('sitting');
    expect(pose('leaning over the desk', '').pose.base).toBe('leaning');
    expect(pose('standing by the shelves', '').pose).toMatchObject({ base: 'standing', gesture: 'none' });
  });

  it('reads the action, which wins over the posture for what happens now', () => {
    expect(pose('seated at the console', 'Sarah types furiously at the console').pose).toMatchObject({
      base: 'sitting',
      gesture: 'typing',
    });
    expect(pose('seated at the console', 'Sarah stands, one hand hovering over the switch').pose.base).toBe(
      'standing',
    );
    expect(pose('', 'Emma points at the window').pose.gesture).toBe('pointing');
    expect(pose('', 'Emma turns around').pose.gesture).toBe('turning');
    expect(pose('', 'Emma leans on the rail').pose.base).toBe('leaning');
  });

  it('walks in and out on foot, whatever the posture', () => {
    expect(pose('sitting on a bench', 'Emma walks in').pose).toMatchObject({
      base: 'standing',
      gesture: 'walking-in',
    });
    expect(pose('', 'David enters the shop').pose.gesture).toBe('walking-in');
    expect(pose('sitting', 'Emma walks out').pose).toMatchObject({
      base: 'standing',
      gesture: 'walking-out',
    });
    expect(pose('', 'Emma leaves without a word').pose.gesture).toBe('walking-out');
  });

  it('falls back to standing and names the words it did not understand', () => {
    const juggles = pose('', 'Emma juggles flaming torches');
    expect(juggles.pose).toMatchObject({ base: 'standing', gesture: 'none' });
    expect(juggles.notUnderstood).toEqual(['juggles']);
    const upside = pose('upside down on the ceiling', '');
    expect(upside.notUnderstood).toEqual(['upside down on the ceiling']);
    expect(poseNote('Emma', juggles.notUnderstood)).toBe(
      'Emma: “juggles” not understood as a pose; drawn standing.',
    );
    expect(poseNote('Emma', [])).toBeNull();
    // Watching, smiling, speaking: understood, and acted as standing still. No note.
    expect(pose('', 'Emma watches the vines light up').notUnderstood).toEqual([]);
    expect(pose('', 'Dr. Sarah Chen quietly smiles', 'Dr. Sarah Chen').notUnderstood).toEqual([]);
  });

  it('gives each clause of the action to the character it names', () => {
    const cast = [
      { key: 'sarah', name: 'Dr. Sarah Chen' },
      { key: 'aria', name: 'ARIA' },
    ];
    const clauses = clausesFor('Sarah types at the console while ARIA turns away.', cast, 'sarah');
    expect(clauses.get('sarah')).toEqual(['Sarah types at the console']);
    expect(clauses.get('aria')).toEqual(['ARIA turns away']);
    // A clause naming nobody goes to the one named last; "beside Sarah" does not take ARIA's verb.
    const more = clausesFor('ARIA dims to a soft glow beside Sarah. She waits.', cast, 'sarah');
    expect(more.get('aria')).toEqual(['ARIA dims to a soft glow beside Sarah', 'She waits']);
    expect(more.get('sarah')).toEqual([]);
  });
});

describe('the figure geometry follows the pose', () => {
  const look = characterLook(contextBytes()[1]!.characters[0]!).look;
  const mark: Mark = { key: look.key, x: 500, floorY: 600, height: 400 };
  const at = (motion: PoseMotion, p: number) =>
    figureParts(figureLayout(mark, look, motion, p, p * 4, 0), look, mark);
  const standing: PoseMotion = {
    pose: { base: 'standing', gesture: 'none', baseFromAction: false },
    direction: 1,
  };

  it('a seated figure is lower and sits on something inside its box', () => {
    const up = at(standing, 0.5);
    const layout = figureLayout(
      mark,
      look,
      { pose: { base: 'sitting', gesture: 'none', baseFromAction: false }, direction: 1 },
      0.5,
      2,
      0,
    );
    const down = figureParts(layout, look, mark);
    expect(down.head.y - up.head.y).toBeGreaterThan(mark.height * 0.15);
    expect(layout.seat).not.toBeNull();
    expect(layout.seat!.y).toBeGreaterThanOrEqual(down.figure.y);
    expect(layout.seat!.y + layout.seat!.h).toBeLessThanOrEqual(down.figure.y + down.figure.h);
  });

  it('a walk in travels to the mark over the shot, a walk out away from it', () => {
    const walkIn: PoseMotion = {
      pose: { base: 'standing', gesture: 'walking-in', baseFromAction: true },
      direction: -1,
    };
    const start = at(walkIn, 0).torso;
    const end = at(walkIn, 1).torso;
    const centre = (b: { x: number; w: number }) => b.x + b.w / 2;
    expect(centre(end) - centre(start)).toBeCloseTo(WALK_DISTANCE * mark.height, -1);
    expect(Math.abs(centre(end) - mark.x)).toBeLessThan(mark.height * 0.02);
    const walkOut: PoseMotion = {
      pose: { base: 'standing', gesture: 'walking-out', baseFromAction: true },
      direction: 1,
    };
    expect(centre(at(walkOut, 1).torso) - centre(at(walkOut, 0).torso)).toBeGreaterThan(mark.height * 0.4);
  });

  it('a pointing arm rises to the shoulder toward the side it points to, inside the outfit and figure boxes', () => {
    const motion: PoseMotion = {
      pose: { base: 'standing', gesture: 'pointing', baseFromAction: false },
      direction: 1,
    };
    const layout = figureLayout(mark, look, motion, 1, 4, 0);
    const hand = layout.hands[1];
    expect(Math.abs(hand.y - layout.shoulderY)).toBeLessThan(mark.height * 0.08);
    expect(hand.x - mark.x).toBeGreaterThan(mark.height * 0.3);
    const parts = figureParts(layout, look, mark);
    expect(hand.x).toBeLessThanOrEqual(parts.figure.x + parts.figure.w);
    expect(parts.outfit.x + parts.outfit.w).toBeGreaterThan(hand.x);
    // At the start the arm still hangs.
    expect(figureLayout(mark, look, motion, 0, 0, 0).hands[1].y).toBeGreaterThan(
      layout.shoulderY + mark.height * 0.25,
    );
  });

  it('typing moves the hands between frames; turning and leaning move the head to the side', () => {
    const typing: PoseMotion = {
      pose: { base: 'sitting', gesture: 'typing', baseFromAction: false },
      direction: 1,
    };
    const a = figureLayout(mark, look, typing, 0.5, 1.0, 0).hands[0];
    const b = figureLayout(mark, look, typing, 0.5, 1.05, 0).hands[0];
    expect(a.y).not.toBeCloseTo(b.y, 3);
    expect(figureLayout(mark, look, typing, 0.5, 1, 0).keyboard).not.toBeNull();
    const turning: PoseMotion = {
      pose: { base: 'standing', gesture: 'turning', baseFromAction: false },
      direction: -1,
    };
    expect(figureLayout(mark, look, turning, 1, 4, 0).turn).toBeLessThan(-0.5);
    expect(figureLayout(mark, look, turning, 0, 0, 0).turn).toBeCloseTo(0);
    const leaning: PoseMotion = {
      pose: { base: 'leaning', gesture: 'none', baseFromAction: true },
      direction: 1,
    };
    const standingHead = figureLayout(mark, look, standing, 1, 4, 0).head.x;
    expect(figureLayout(mark, look, leaning, 1, 4, 0).head.x).toBeGreaterThan(
      standingHead + mark.height * 0.03,
    );
    // Leaning because the action says so happens in the shot; a leaning posture leans from the first frame.
    expect(figureLayout(mark, look, leaning, 0, 4, 0).head.x).toBeCloseTo(standingHead, 0);
    const posture: PoseMotion = { pose: { ...leaning.pose, baseFromAction: false }, direction: 1 };
    expect(figureLayout(mark, look, posture, 0, 4, 0).head.x).toBeGreaterThan(
      standingHead + mark.height * 0.03,
    );
  });
});
