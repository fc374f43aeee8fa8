import type { Role } from '@ministudio/domain';
import { useQuery } from '@tanstack/react-query';
import { getSession, sessionKey } from './account-api';
import { roleAtLeast, roleOf } from './account-text';

/** Who uses this browser and whether the studio has accounts (asked once, then kept up to date). */
export const useAccountSession = () =>
  useQuery({ queryKey: sessionKey, queryFn: getSession, staleTime: Number.POSITIVE_INFINITY });

/** This person's role; 'viewer' until known, so nothing looks writable before the studio says so. */
export function useRole(): Role {
  return roleOf(useAccountSession().data) ?? 'viewer';
}

/** Whether this person may edit and render. */
export const useCanEdit = () => roleAtLeast(useRole(), 'editor');
