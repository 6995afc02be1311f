import * as api from '@ledgerline/api-schemas';

/**
 * The transaction service's answers as the gateway reads them: the public API's own schemas
 * (@ledgerline/api-schemas), read tolerantly — every documented field checked, fields a newer service adds passed on.
 */
export const transactionSchema = api.tolerant(api.transaction);
export const transactionPageSchema = api.tolerant(api.transactionPage);
export type { Transaction, TransactionPage } from '@ledgerline/api-schemas';
