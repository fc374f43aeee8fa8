import { ROLES, type Role } from '@ministudio/domain';
import { ROLE_SUMMARY } from './account-text';

/** A role by name; what each may do is said beside the form (RoleHint), where it is not cut short. */
export function RoleSelect({ id, value, onChange }: { id: string; value: Role; onChange(role: Role): void }) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value as Role)}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {role}
        </option>
      ))}
    </select>
  );
}

export function RoleHint() {
  return (
    <p className="muted small account-form-hint">
      {ROLES.map((role, i) => (
        <span key={role}>
          {i > 0 && ' · '}
          <strong>{role}</strong> {ROLE_SUMMARY[role]}
        </span>
      ))}
    </p>
  );
}
