import { useId, useState } from 'react';

interface AddEntityFormProps {
  /** e.g. "character" → "New character name" and "Add character". */
  noun: string;
  onAdd(name: string): void;
}

/** A name box and an Add button: the quickest way to create a named entity from the keyboard. */
export function AddEntityForm({ noun, onAdd }: AddEntityFormProps) {
  const id = useId();
  const [name, setName] = useState('');
  const trimmed = name.trim();
  return (
    <form
      className="add-entity"
      onSubmit={(e) => {
        e.preventDefault();
        if (!trimmed || trimmed.length > 80) return;
        onAdd(trimmed);
        setName('');
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        New {noun} name
      </label>
      <input
        id={id}
        value={name}
        maxLength={80}
        placeholder={`New ${noun}…`}
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" disabled={!trimmed} aria-label={`Add ${noun}`}>
        Add
      </button>
    </form>
  );
}
