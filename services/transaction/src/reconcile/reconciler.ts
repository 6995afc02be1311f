import { AppError, type Logger } from '@ledgerline/http-kit';
import type { Orm } from '@ledgerline/db-kit';
import { sendToPortfolio, type SendDeps } from '../transactions/send-to-portfolio.ts';
import { transactionRepository } from '../transactions/transaction.repository.ts';

export interface ReconcilerSettings {
  /** How often pending transactions are looked at (also once at start-up). */
  intervalMs: number;
  /** The most pending transactions one run sends. */
  batchSize: number;
}

export interface ReconcileRun {
  completed: number;
  rejected: number;
  /** Sent but still without a definitive answer. */
  stillPending: number;
  /** Claimed by another sender (e.g. another replica) in the meantime. */
  skipped: number;
}

export interface Reconciler {
  /** One pass over the pending transactions that are due; resolves when it is done. */
  runOnce(): Promise<ReconcileRun>;
  /** A run now, then one every intervalMs (never two at once in this process). */
  start(): void;
  /** No new runs; resolves when the current one has finished. */
  stop(): Promise<void>;
}

/**
 * Finishes pending transactions: every run takes the due ones (backoff over, no live claim), claims each with a
 * conditional UPDATE (so two replicas on one database never send the same one at once), asks the portfolio service
 * whether it was applied — completing it from the stored result if so — and otherwise sends it (idempotent by id).
 * A run stops at the first outage or timeout: the rest stay due for the next run, and the portfolio service is not
 * flooded while it is down. The clock decides what is due, so tests drive runs with the test clock.
 */
export function createReconciler(deps: SendDeps & { orm: Orm; logger: Logger; settings: ReconcilerSettings }): Reconciler {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<ReconcileRun> | undefined;

  async function pass(): Promise<ReconcileRun> {
    const run: ReconcileRun = { completed: 0, rejected: 0, stillPending: 0, skipped: 0 };
    const em = deps.orm.em.fork();
    const repository = transactionRepository(em);
    for (const transaction of await repository.due(deps.clock(), deps.settings.batchSize)) {
      const now = deps.clock();
      const attempt = await repository.claim(transaction, now, new Date(now.getTime() + deps.retry.leaseMs));
      if (attempt === null) {
        run.skipped += 1;
        continue;
      }
      const outcome = await sendToPortfolio(em, deps, transaction, attempt, { askFirst: true });
      if (outcome.status === 'completed') {
        run.completed += 1;
        deps.logger.info({ transactionId: transaction.id, attempt }, 'pending transaction completed');
      } else if (outcome.status === 'rejected') {
        run.rejected += 1;
        deps.logger.warn({ transactionId: transaction.id, attempt, code: outcome.error.code }, 'pending transaction rejected by the portfolio service');
      } else {
        run.stillPending += 1;
        const code = outcome.error instanceof AppError ? outcome.error.code : String(outcome.error);
        deps.logger.warn({ transactionId: transaction.id, attempt, code, retryAt: outcome.retryAt.toISOString() }, 'pending transaction: no answer yet, will retry');
        break;
      }
    }
    return run;
  }

  const runOnce = (): Promise<ReconcileRun> => {
    running ??= pass().finally(() => {
      running = undefined;
    });
    return running;
  };

  const tick = () => {
    runOnce().catch((error: unknown) => deps.logger.error({ err: error }, 'reconcile run failed'));
  };

  return {
    runOnce,
    start() {
      if (timer) return;
      tick();
      timer = setInterval(tick, deps.settings.intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}
