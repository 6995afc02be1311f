import { z } from 'zod';

/** What callers of the transaction service rely on (extra fields pass through untouched). */
export const transactionSchema = z.looseObject({
  id: z.string(),
  portfolioId: z.string(),
  type: z.enum(['buy', 'sell', 'deposit', 'withdrawal', 'dividend', 'fee']),
  symbol: z.string().nullable().optional(),
  quantity: z.string().nullable().optional(),
  price: z.string().nullable().optional(),
  amount: z.string().nullable().optional(),
  fees: z.string().nullable().optional(),
  executedAt: z.string(),
  /** pending: stored, not yet applied (result null); completed: applied (result); rejected: refused (rejection). */
  status: z.enum(['pending', 'completed', 'rejected']),
  result: z.looseObject({ cash: z.string() }).nullable().optional(),
});
export type Transaction = z.output<typeof transactionSchema>;

export const transactionPageSchema = z.looseObject({ items: z.array(transactionSchema), nextCursor: z.string().nullable() });
export type TransactionPage = z.output<typeof transactionPageSchema>;
