export { createApp, type TransactionApp } from './app.ts';
export { transactionEntities } from './entities.ts';
export { migrations as transactionMigrations } from '../migrations/index.ts';
export { DEFAULT_TRANSACTION_SETTINGS, type TransactionDeps, type TransactionSettings } from './deps.ts';
export { Transaction, TransactionSchema, type TransactionResult } from './transactions/transaction.entity.ts';
export { TRANSACTION_STATUSES, type TransactionStatus } from './transactions/transaction-status.ts';
export { deriveTransactionId } from './transactions/idempotency.ts';
