import { type IdentityPair, IdentityPair as IdentityPairSchema } from '@ministudio/domain';
import { CloseIcon } from '../common/icons';
import { TextField } from '../common/text-field';

/** The identity lock: trait → description pairs sent with every shot the character is in. */
export function IdentityEditor({
  identity,
  onChange,
}: {
  identity: IdentityPair[];
  onChange(next: IdentityPair[]): void;
}) {
  const replace = (index: number, pair: IdentityPair) =>
    onChange(identity.map((p, i) => (i === index ? pair : p)));
  return (
    <fieldset className="group">
      <legend>Identity</legend>
      {identity.map((pair, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: pairs are edited in place; position is their identity.
        <div className="identity-pair" key={i}>
          <TextField
            label={`Trait ${i + 1}`}
            value={pair.key}
            schema={IdentityPairSchema.properties.key}
            multiline={false}
            onCommit={(key) => replace(i, { ...pair, key })}
          />
          <TextField
            label={`Description ${i + 1}`}
            value={pair.value}
            schema={IdentityPairSchema.properties.value}
            multiline
            rows={2}
            onCommit={(value) => replace(i, { ...pair, value })}
          />
          <button
            type="button"
            className="icon-button danger-quiet"
            aria-label={`Remove trait ${i + 1}`}
            onClick={() => onChange(identity.filter((_, j) => j !== i))}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
      <button
        type="button"
        disabled={identity.length >= 40}
        onClick={() => onChange([...identity, { key: `trait-${identity.length + 1}`, value: '' }])}
      >
        Add trait
      </button>
    </fieldset>
  );
}
