import { create } from 'zustand';

// Requests that met "sign in first" wait here until the person signs in again; then api/http.ts sends
// them once more. So an edit made as the session ran out is saved after signing in, not thrown away.

interface SignInGateState {
  /** True while requests wait for a sign-in (the editor shows the sign-in form over the page). */
  waiting: boolean;
  /** Resolves once someone has signed in. */
  wait(): Promise<void>;
  /** Lets every waiting request go again. */
  release(): void;
}

export function createSignInGate() {
  let waiters: (() => void)[] = [];
  return create<SignInGateState>()((set) => ({
    waiting: false,
    wait: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        set({ waiting: true });
      }),
    release: () => {
      const go = waiters;
      waiters = [];
      set({ waiting: false });
      for (const resolve of go) resolve();
    },
  }));
}

export const useSignInGate = createSignInGate();
