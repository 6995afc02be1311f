import type { Instrument, User } from '@ledgerline/api-schemas';
import { formatMoney } from './money.ts';

/** Whether a user may see the admin screen (the API checks the role again on every admin call). */
export function isAdmin(user: Pick<User, 'role'> | null | undefined): boolean {
  return user?.role === 'admin';
}

/** The list with `updated` in place of the instrument of the same symbol. */
export function withInstrument(list: readonly Instrument[], updated: Instrument): Instrument[] {
  return list.map((instrument) => (instrument.symbol === updated.symbol ? updated : instrument));
}

/** What the admin screen says after a price update. */
export function priceUpdatedNotice(instrument: Instrument): string {
  return `${instrument.symbol} is now priced at ${formatMoney(instrument.lastPrice, instrument.currency)}. Every portfolio holding it is revalued.`;
}

/** What the admin screen says after a deactivation. */
export function deactivatedNotice(user: User): string {
  return `${user.fullName} (${user.email}) is deactivated: they cannot log in, and their open sessions end at their next action.`;
}
