import { describe, expect, it } from 'vitest';
import { createLocalVideoProvider } from '../src/index';
import {
  layoutSetPieces,
  planSet,
  SET_PIECE_KINDS,
  setPieceInputFor,
  setPieceKindsOf,
  unknownSetPieceNotes,
} from '../src/plate/set-pieces';
import { contextBytes, jobContext, lastAlgorithm, request, tempDir } from './helpers/fixtures';

const harbour = {
  key: 'harbour',
  location: 'a stone harbour with a fishing boat',
  architecture: '',
  fixedElements: ['a lighthouse lens', 'folding chairs'],
};

describe('set pieces', () => {
  it('reads common set pieces from a location’s words', () => {
    expect(setPieceKindsOf('a stone harbour with a fishing boat')).toEqual(['sea', 'quay', 'boat']);
    expect(setPieceKindsOf('street lamp')).toEqual(['street-lamp']);
    expect(setPieceKindsOf('mahogany bookshelves')).toEqual(['shelves']);
    expect(setPieceKindsOf('holographic projector')).toEqual(['projector']);
    expect(setPieceKindsOf('server racks')).toEqual(['server-racks']);
    expect(setPieceKindsOf('a control console')).toEqual(['console']);
    expect(setPieceKindsOf('an old oak door')).toEqual(['door']);
    expect(setPieceKindsOf('pine trees')).toEqual(['trees']);
    expect(setPieceKindsOf('a brass samovar')).toEqual([]);
  });

  it('shows water, a quay and a boat for a stone harbour with a fishing boat', () => {
    const set = planSet(harbour);
    expect(set.outdoor).toBe(true);
    const kinds = set.pieces.map((p) => p.kind);
    for (const kind of ['sea', 'quay', 'boat', 'lens', 'chair'] as const) expect(kinds).toContain(kind);
    const sea = set.pieces.find((p) => p.kind === 'sea')!;
    const quay = set.pieces.find((p) => p.kind === 'quay')!;
    const boat = set.pieces.find((p) => p.kind === 'boat')!;
    // The quay is the ground people stand on; the water lies behind it and the boat floats on the water.
    expect(quay.box[1]).toBeCloseTo(set.horizon, 3);
    expect(sea.box[1] + sea.box[3]).toBeCloseTo(set.horizon, 2);
    const boatBottom = boat.box[1] + boat.box[3];
    expect(boatBottom).toBeGreaterThan(sea.box[1]);
    expect(boatBottom).toBeLessThanOrEqual(set.horizon + 0.001);
  });

  it('lays out the same location the same way every time, and every box inside the plate', () => {
    const inputs = [
      harbour,
      ...[...contextBytes(), ...lastAlgorithm()].map((s) => setPieceInputFor(s)),
      {
        key: 'x',
        location: 'a forest road at night',
        architecture: '',
        fixedElements: ['street lamp', 'bench'],
      },
    ];
    for (const input of inputs) {
      const a = layoutSetPieces(input);
      expect(layoutSetPieces({ ...input, fixedElements: [...input.fixedElements] })).toEqual(a);
      for (const piece of a) {
        expect(SET_PIECE_KINDS).toContain(piece.kind);
        const [x, y, w, h] = piece.box;
        expect(x).toBeGreaterThanOrEqual(0);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(w).toBeGreaterThan(0);
        expect(h).toBeGreaterThan(0);
        expect(x + w).toBeLessThanOrEqual(1.0001);
        expect(y + h).toBeLessThanOrEqual(1.0001);
      }
      expect(new Set(a.map((p) => p.id)).size).toBe(a.length);
    }
    // Another key lays the same words out differently.
    expect(layoutSetPieces({ ...harbour, key: 'other-harbour' })).not.toEqual(layoutSetPieces(harbour));
  });

  it('reads the samples’ rooms as rooms with their elements', () => {
    const atelier = planSet(setPieceInputFor(contextBytes()[0]!));
    expect(atelier.outdoor).toBe(false);
    expect(atelier.pieces.map((p) => p.kind).sort()).toEqual(['desk', 'plants', 'shelves', 'window']);
    const lab = planSet(setPieceInputFor(lastAlgorithm()[0]!));
    expect(lab.pieces.map((p) => p.kind)).toEqual(
      expect.arrayContaining(['server-racks', 'desk', 'screen', 'projector']),
    );
  });

  it('draws an element outside the vocabulary as a labelled shape and notes it', () => {
    const pieces = layoutSetPieces({ ...harbour, fixedElements: ['a brass samovar', 'boat'] });
    const unknown = pieces.filter((p) => p.kind === 'unknown');
    expect(unknown.map((p) => p.label)).toEqual(['a brass samovar']);
    expect(unknownSetPieceNotes(pieces)).toEqual([
      'The animatic has no drawing for "a brass samovar": drawn as a labelled shape.',
    ]);
    expect(unknownSetPieceNotes(layoutSetPieces(harbour))).toEqual([]);
  });

  it('lists the elements it could only label in the take’s notes', { timeout: 60_000 }, async () => {
    const shot = contextBytes()[0]!;
    const env = shot.environment!;
    const withSamovar = {
      ...shot,
      environment: {
        ...env,
        identity: { ...env.identity, fixedElements: [...env.identity.fixedElements, 'a brass samovar'] },
      },
    };
    const provider = createLocalVideoProvider();
    const result = await provider.generate(
      request(withSamovar, { durationSeconds: 0.5 }),
      jobContext(tempDir()),
    );
    expect(result.notes).toContain(
      'The animatic has no drawing for "a brass samovar": drawn as a labelled shape.',
    );
    const plain = await provider.generate(request(shot, { durationSeconds: 0.5 }), jobContext(tempDir()));
    expect(plain.notes.some((n) => n.includes('no drawing for'))).toBe(false);
  });
});
