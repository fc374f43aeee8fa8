// Type test: every line after a `@ts-expect-error` must be a type error. `tsc -p .` (the package's
// typecheck) fails if one is not; test/types.test.ts also checks which error each line gives.
import { character, defineProduction, environment } from '../src/index';

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
