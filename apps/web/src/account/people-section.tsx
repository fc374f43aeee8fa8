import type { Role, UserView } from '@ministudio/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../common/confirm-dialog';
import { createUser, deleteUser, listUsers, usersKey } from './account-api';
import { PASSWORD_MIN_LENGTH, shortDate } from './account-text';
import { RoleHint, RoleSelect } from './role-select';
import { useAccountSession } from './use-account';

/** Everyone who may sign in: add with a role, remove (the studio keeps its last owner). */
export function PeopleSection() {
  const client = useQueryClient();
  const users = useQuery({ queryKey: usersKey, queryFn: listUsers });
  const me = useAccountSession().data?.user?.name;
  const [removing, setRemoving] = useState<UserView | null>(null);
  const remove = useMutation({
    mutationFn: (user: UserView) => deleteUser(user.id),
    onSettled: () => client.invalidateQueries({ queryKey: usersKey }),
  });
  return (
    <section aria-labelledby="people-heading" className="account-section">
      <h2 id="people-heading">People</h2>
      {users.isPending && <p className="muted">Loading people…</p>}
      {users.isError && <p className="muted">Could not load people: {users.error.message}</p>}
      {users.data && (
        <table className="account-table" aria-label="People">
          <thead>
            <tr>
              <th>Name</th>
              <th>Role</th>
              <th>Added</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((user) => (
              <tr key={user.id}>
                <td>
                  {user.name}
                  {user.name === me && <span className="muted"> (you)</span>}
                </td>
                <td>
                  <span className={`role-badge role-${user.role}`}>{user.role}</span>
                </td>
                <td className="muted">{shortDate(user.createdAt)}</td>
                <td className="account-actions">
                  <button type="button" aria-label={`Remove ${user.name}`} onClick={() => setRemoving(user)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {remove.isError && (
        <p className="field-error" role="alert">
          Could not remove {remove.variables?.name}: {remove.error.message}
        </p>
      )}
      <AddPersonForm />
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.name}?`}
          message={`${removing.name} can no longer sign in, and is signed out everywhere now. Their work in the projects stays.`}
          confirmLabel="Remove"
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            remove.mutate(removing);
            setRemoving(null);
          }}
        />
      )}
    </section>
  );
}

function AddPersonForm() {
  const client = useQueryClient();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('editor');
  const [problem, setProblem] = useState<string | null>(null);
  const add = useMutation({
    mutationFn: () => createUser({ name: name.trim(), password, role }),
    onSuccess: () => {
      setName('');
      setPassword('');
      void client.invalidateQueries({ queryKey: usersKey });
    },
  });
  return (
    <form
      className="account-form"
      aria-label="Add a person"
      onSubmit={(e) => {
        e.preventDefault();
        const found = !name.trim()
          ? 'Give the person a name.'
          : password.length < PASSWORD_MIN_LENGTH
            ? `The password must be at least ${PASSWORD_MIN_LENGTH} characters.`
            : null;
        setProblem(found);
        if (!found) add.mutate();
      }}
    >
      <div className="field">
        <label htmlFor="person-name">Name</label>
        <input id="person-name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="person-password">Password</label>
        <input
          id="person-password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="person-role">Role</label>
        <RoleSelect id="person-role" value={role} onChange={setRole} />
      </div>
      <button type="submit" disabled={add.isPending}>
        Add person
      </button>
      <RoleHint />
      {(problem || add.isError) && (
        <p className="field-error account-form-error" role="alert">
          {problem ?? `Could not add ${name.trim()}: ${add.error?.message}`}
        </p>
      )}
    </form>
  );
}
