import { TransactionSchema } from './transactions/transaction.entity.ts';

/** Every table the transaction service owns. */
export const transactionEntities = [TransactionSchema];
