import { useCallback, useEffect, useRef, useState } from 'react';

// A field's text while the user types. Typing is debounced into ONE commit (one command, one write);
// leaving the field commits at once. When the saved value changes underneath (undo, another tab), the
// draft follows it unless the user is in the middle of typing.

export const COMMIT_DELAY_MS = 600;

export interface DraftOptions<T> {
  value: T;
  format(value: T): string;
  /** The value to save, or an error message. */
  parse(text: string): { value: T } | { error: string };
  equals(a: T, b: T): boolean;
  onCommit(next: T): void;
  delayMs: number;
}

export function useDraft<T>({ value, format, parse, equals, onCommit, delayMs }: DraftOptions<T>) {
  const [text, setText] = useState(() => format(value));
  const [error, setError] = useState<string | null>(null);
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef({ text, value, parse, equals, onCommit });
  latest.current = { text, value, parse, equals, onCommit };

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!dirty.current) return;
    const { text: t, value: v, parse: p, equals: eq, onCommit: commit } = latest.current;
    const parsed = p(t);
    if ('error' in parsed) return;
    dirty.current = false;
    if (!eq(parsed.value, v)) commit(parsed.value);
  }, []);

  useEffect(() => {
    if (!dirty.current) {
      setText(format(value));
      setError(null);
    }
  }, [value, format]);

  // Leaving the page or switching shots must not lose what was typed.
  useEffect(() => flush, [flush]);

  const change = (next: string) => {
    setText(next);
    dirty.current = true;
    latest.current.text = next;
    const parsed = parse(next);
    setError('error' in parsed ? parsed.error : null);
    if (timer.current) clearTimeout(timer.current);
    timer.current = 'error' in parsed ? null : setTimeout(flush, delayMs);
  };

  return { text, error, change, flush };
}
