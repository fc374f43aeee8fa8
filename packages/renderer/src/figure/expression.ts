import { EXPRESSIONS, type Expression } from '@ministudio/domain';

/** The expression to draw for a state's free text: a known word anywhere in it, else neutral. */
export function expressionFor(text: string | undefined): Expression {
  const words = (text ?? '').toLowerCase();
  for (const expression of EXPRESSIONS) if (words.includes(expression)) return expression;
  if (/scared|afraid|terrified/.test(words)) return 'fearful';
  if (/surprised|stunned|astonished/.test(words)) return 'shocked';
  if (/smil|joy|delight|glad/.test(words)) return 'happy';
  if (/furious|angr|mad\b/.test(words)) return 'angry';
  if (/unhapp|sorrow|tear|grief/.test(words)) return 'sad';
  return 'neutral';
}

/** Face geometry, every value in head-relative units; the figure drawer only scales them. */
export interface FaceShape {
  /** Brow height above the eyes: positive raises. */
  browLift: number;
  /** Inner-end tilt of the brows: positive frowns (angry/focused), negative worries (sad/fearful). */
  browTilt: number;
  /** Eye opening, 1 = normal. */
  eyeOpen: number;
  /** Mouth corner curve: positive smiles, negative frowns. */
  smile: number;
  /** Mouth opening with no speech (a gasp stays open). */
  restOpen: number;
  mouthWidth: number;
}

const BASE: Record<Expression, FaceShape> = {
  neutral: { browLift: 0, browTilt: 0, eyeOpen: 1, smile: 0.05, restOpen: 0, mouthWidth: 1 },
  focused: { browLift: -0.1, browTilt: 0.35, eyeOpen: 0.8, smile: 0, restOpen: 0, mouthWidth: 0.85 },
  shocked: { browLift: 0.6, browTilt: -0.1, eyeOpen: 1.45, smile: -0.05, restOpen: 0.55, mouthWidth: 0.8 },
  fearful: { browLift: 0.45, browTilt: -0.55, eyeOpen: 1.3, smile: -0.35, restOpen: 0.25, mouthWidth: 1.1 },
  happy: { browLift: 0.15, browTilt: -0.05, eyeOpen: 0.85, smile: 0.8, restOpen: 0.1, mouthWidth: 1.25 },
  sad: { browLift: 0.2, browTilt: -0.6, eyeOpen: 0.75, smile: -0.6, restOpen: 0, mouthWidth: 0.9 },
  angry: { browLift: -0.25, browTilt: 0.8, eyeOpen: 0.85, smile: -0.45, restOpen: 0.1, mouthWidth: 1.05 },
  thoughtful: { browLift: 0.1, browTilt: 0.15, eyeOpen: 0.7, smile: -0.1, restOpen: 0, mouthWidth: 0.7 },
};

/**
 * The face for an expression at an intensity (0 = neutral face, 1 = the full expression, up to 1.5
 * when loud speech pushes it): audio-driven intensity exaggerates the expression, it never changes it.
 */
export function faceShape(expression: Expression, intensity: number): FaceShape {
  const from = BASE.neutral;
  const to = BASE[expression];
  const t = Math.max(0, Math.min(1.5, intensity));
  const lerp = (a: number, b: number) => a + (b - a) * t;
  return {
    browLift: lerp(from.browLift, to.browLift),
    browTilt: lerp(from.browTilt, to.browTilt),
    eyeOpen: Math.max(0.2, lerp(from.eyeOpen, to.eyeOpen)),
    smile: lerp(from.smile, to.smile),
    restOpen: Math.max(0, lerp(from.restOpen, to.restOpen)),
    mouthWidth: lerp(from.mouthWidth, to.mouthWidth),
  };
}
