// Type test: every line after a `@ts-expect-error` must be a type error. `tsc -p .` (the package's
// typecheck) fails if one is not; test/types.test.ts also checks which error each line gives.
import { character, defineProduction, environment, scene, shot } from '../src/index';

const sarah = character('sarah', { name: 'Sarah' });
const aria = character('aria', { name: 'ARIA' });
const lab = environment('lab', { name: 'Lab' });

export const typed = defineProduction({
  project: { title: 'Type test' },
  characters: [sarah, aria],
  environments: [lab],
  scenes: ({ scene, shot }) => [
    scene('one', {
      environment: 'lab',
      seed: 1,
      shots: [
        shot('ok', {
          dialogue: ['sarah: Fine.', { character: 'aria', text: 'Fine too.' }],
          cast: { aria: {} },
        }),
        shot('bad-line', {
          // @ts-expect-error EXPECT(bob-line) no character "bob"
          dialogue: ['bob: Who am I?'],
        }),
        shot('bad-object-line', {
          // @ts-expect-error EXPECT(bob-object) no character "bob"
          dialogue: [{ character: 'bob', text: 'Nobody.' }],
        }),
        shot('bad-cast', {
          cast: {
            sarah: { expression: 'fearful' },
            // @ts-expect-error EXPECT(bob-cast) no character "bob" in the cast
            bob: { expression: 'happy' },
          },
        }),
        // @ts-expect-error EXPECT(shot-type) not a shot type
        shot('bad-type', { shotType: 'sideways' }),
      ],
    }),
    scene('two', {
      // @ts-expect-error EXPECT(environment) no environment "moon"
      environment: 'moon',
      seed: 2,
      shots: [],
    }),
  ],
});

// The free-standing helpers (a list instead of the callback) are checked by the production too.
export const free = defineProduction({
  project: { title: 'Free-standing' },
  characters: [sarah],
  environments: [lab],
  scenes: [
    scene('f', { environment: 'lab', seed: 3, shots: [shot('f-1', { dialogue: ['sarah: Fine.'] })] }),
    // @ts-expect-error EXPECT(free-bob) no character "bob"
    scene('g', { environment: 'lab', seed: 4, shots: [shot('g-1', { dialogue: ['bob: No.'] })] }),
    // @ts-expect-error EXPECT(free-moon) no environment "moon"
    scene('h', { environment: 'moon', seed: 5, shots: [] }),
  ],
});
