import { ProjectSettings, ShotFields } from '@ministudio/domain';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import Type from 'typebox';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NumberField } from '../src/common/number-field';
import { TextField } from '../src/common/text-field';
import { COMMIT_DELAY_MS } from '../src/common/use-draft';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('TextField', () => {
  it('commits a burst of typing as ONE change after the pause', () => {
    const commits: string[] = [];
    render(
      <TextField
        label="Action"
        value=""
        schema={ShotFields.properties.action}
        multiline
        onCommit={(v) => commits.push(v)}
      />,
    );
    const box = screen.getByLabelText('Action');
    for (const text of ['W', 'Wa', 'Wav', 'Wave', 'Waves'])
      fireEvent.change(box, { target: { value: text } });
    act(() => vi.advanceTimersByTime(COMMIT_DELAY_MS - 1));
    expect(commits).toEqual([]);
    act(() => vi.advanceTimersByTime(1));
    expect(commits).toEqual(['Waves']);
  });

  it('commits at once on blur, and not again afterwards', () => {
    const commits: string[] = [];
    render(
      <TextField
        label="Action"
        value="old"
        schema={ShotFields.properties.action}
        multiline={false}
        onCommit={(v) => commits.push(v)}
      />,
    );
    const box = screen.getByLabelText('Action');
    fireEvent.change(box, { target: { value: 'new' } });
    fireEvent.blur(box);
    act(() => vi.advanceTimersByTime(COMMIT_DELAY_MS * 2));
    expect(commits).toEqual(['new']);
  });

  it('shows an inline error for an invalid value and never commits it', () => {
    const commits: string[] = [];
    render(
      <TextField
        label="Title"
        value="Film"
        schema={ProjectSettings.properties.title}
        multiline={false}
        onCommit={(v) => commits.push(v)}
      />,
    );
    const box = screen.getByLabelText('Title');
    fireEvent.change(box, { target: { value: '' } });
    expect(screen.getByText('Required')).toBeTruthy();
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(box.getAttribute('aria-describedby')).toBe(screen.getByText('Required').id);
    fireEvent.blur(box);
    act(() => vi.advanceTimersByTime(COMMIT_DELAY_MS * 2));
    expect(commits).toEqual([]);
    fireEvent.change(box, { target: { value: 'x'.repeat(121) } });
    expect(screen.getByText('At most 120 characters (now 121)')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'Better' } });
    expect(screen.queryByText(/At most/)).toBeNull();
    fireEvent.blur(box);
    expect(commits).toEqual(['Better']);
  });

  it('follows a new saved value (undo, another tab) when the user is not typing', () => {
    const { rerender } = render(
      <TextField
        label="Action"
        value="one"
        schema={ShotFields.properties.action}
        multiline={false}
        onCommit={() => {}}
      />,
    );
    rerender(
      <TextField
        label="Action"
        value="two"
        schema={ShotFields.properties.action}
        multiline={false}
        onCommit={() => {}}
      />,
    );
    expect((screen.getByLabelText('Action') as HTMLInputElement).value).toBe('two');
  });

  it('keeps what the user is typing when the saved value changes underneath', () => {
    const { rerender } = render(
      <TextField
        label="Action"
        value="one"
        schema={ShotFields.properties.action}
        multiline={false}
        onCommit={() => {}}
      />,
    );
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'typing' } });
    rerender(
      <TextField
        label="Action"
        value="two"
        schema={ShotFields.properties.action}
        multiline={false}
        onCommit={() => {}}
      />,
    );
    expect((screen.getByLabelText('Action') as HTMLInputElement).value).toBe('typing');
  });

  it('commits pending typing when it unmounts (switching to another shot)', () => {
    const commits: string[] = [];
    const { unmount } = render(
      <TextField
        label="Action"
        value=""
        schema={ShotFields.properties.action}
        multiline={false}
        onCommit={(v) => commits.push(v)}
      />,
    );
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'half typed' } });
    unmount();
    expect(commits).toEqual(['half typed']);
  });
});

describe('NumberField', () => {
  const seconds = Type.Number({ minimum: 0.5, maximum: 120 });

  it('validates the range and commits numbers', () => {
    const commits: (number | null)[] = [];
    render(
      <NumberField
        label="Duration"
        value={4}
        schema={seconds}
        nullable={false}
        step={0.5}
        onCommit={(v) => commits.push(v)}
      />,
    );
    const box = screen.getByLabelText('Duration');
    fireEvent.change(box, { target: { value: '0.2' } });
    expect(screen.getByText('Must be at least 0.5')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'abc' } });
    expect(screen.getByText('Must be a number')).toBeTruthy();
    fireEvent.change(box, { target: { value: '' } });
    expect(screen.getByText('Required')).toBeTruthy();
    fireEvent.change(box, { target: { value: '6.5' } });
    fireEvent.blur(box);
    expect(commits).toEqual([6.5]);
  });

  it('treats an empty nullable box as null (automatic)', () => {
    const commits: (number | null)[] = [];
    render(
      <NumberField
        label="Seed"
        value={42}
        schema={ShotFields.properties.seed}
        nullable
        step={1}
        onCommit={(v) => commits.push(v)}
      />,
    );
    const box = screen.getByLabelText('Seed');
    fireEvent.change(box, { target: { value: '1.5' } });
    expect(screen.getByText('Must be a whole number')).toBeTruthy();
    fireEvent.change(box, { target: { value: '' } });
    fireEvent.blur(box);
    expect(commits).toEqual([null]);
  });
});
