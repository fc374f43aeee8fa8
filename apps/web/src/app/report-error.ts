import { forbiddenText } from '../account/account-text';
import { ApiError } from '../api/http';
import { WriteDroppedError } from '../api/write-queue';
import { useNotices } from '../stores/notice-store';

/** Tells the user a change failed. Conflicts have their own message (shown by the write queue). */
export function reportError(error: unknown, what: string): void {
  if (error instanceof WriteDroppedError) return;
  if (error instanceof ApiError && error.isVersionConflict) return;
  if (error instanceof ApiError && error.code === 'forbidden') {
    // The role is too low: say so in the studio's words, not as a failure to retry.
    useNotices.getState().show('error', forbiddenText(error, what));
    return;
  }
  const reason = error instanceof Error ? error.message : String(error);
  useNotices.getState().show('error', `Could not ${what}: ${reason}`);
}
