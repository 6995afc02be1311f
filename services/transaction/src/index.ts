export { createApp } from './app.ts';
export { transactionEntities } from './entities.ts';
export { migrations as transactionMigrations } from '../migrations/index.ts';
export { DEFAULT_TRANSACTION_SETTINGS, type TransactionDeps, type TransactionSettings } from './deps.ts';
export { Transaction, TransactionSchema, type TransactionResult } from './transactions/transaction.entity.ts';
export type { TransactionView } from './transactions/transaction.view.ts';
export { deriveTransactionId } from './transactions/idempotency.ts';
