import { EntityKey, EnvironmentIdentity, ProjectSettings, ShotFields } from '@ministudio/domain';
import { describe, expect, it } from 'vitest';
import { parseList } from '../src/common/list-field';
import { validateField } from '../src/lib/validate-field';

describe('validateField', () => {
  it('accepts valid values', () => {
    expect(validateField(ShotFields.properties.duration, 4)).toBeNull();
    expect(validateField(ShotFields.properties.duration, 'speech')).toBeNull();
    expect(validateField(ProjectSettings.properties.width, 1280)).toBeNull();
  });

  it('phrases each problem for people', () => {
    expect(validateField(ShotFields.properties.duration, 0.1)).toBe('Must be at least 0.5');
    expect(validateField(ShotFields.properties.duration, 500)).toBe('Must be at most 120');
    expect(validateField(ProjectSettings.properties.title, '')).toBe('Required');
    expect(validateField(ShotFields.properties.action, 'a'.repeat(2001))).toBe(
      'At most 2000 characters (now 2001)',
    );
    expect(validateField(ProjectSettings.properties.width, 1281)).toBe('Must be a multiple of 2');
    expect(validateField(ProjectSettings.properties.fps, 2.5)).toBe('Must be a whole number');
    expect(validateField(EntityKey, 'Not A Key')).toBe('Use lowercase letters, digits, - and _');
    expect(validateField(ShotFields.properties.shotType, 'sideways')).toBe('Choose one of the listed values');
  });

  it('validates comma-separated lists item by item', () => {
    expect(parseList(' oak shelves , brass lamp,, ')).toEqual(['oak shelves', 'brass lamp']);
    expect(
      validateField(
        EnvironmentIdentity.properties.palette,
        Array.from({ length: 21 }, (_, i) => `c${i}`),
      ),
    ).toBe('At most 20 items');
  });
});
