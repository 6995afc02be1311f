import type { Em } from '@ledgerline/db-kit';
import { findRefreshToken, revokeSession } from './session.repository.ts';

/** Ends the session the refresh token belongs to. Unknown or already-ended tokens are not an error. */
export async function logout(em: Em, refreshToken: string, now: Date): Promise<void> {
  const stored = await findRefreshToken(em, refreshToken);
  if (!stored) return;
  revokeSession(stored.session, now, 'logout');
  await em.flush();
}
