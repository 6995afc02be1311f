export { TransactionClient, type RecordTransactionRequest, type HistoryQuery, type Recorded } from './transaction-client.ts';
export { transactionSchema, transactionPageSchema, type Transaction, type TransactionPage } from './schemas.ts';
