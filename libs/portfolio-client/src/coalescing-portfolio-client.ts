import { MAX_TRADE_BATCH } from '@ledgerline/api-schemas/internal';
import type { ApplyTradeRequest, ApplyTradeResult, BatchOutcome, CallContext, PortfolioClient, TradeToApply } from './trade-api.ts';

/** A portfolio client that can also send several applies in one call (HttpPortfolioClient). */
export interface BatchingPortfolioClient extends PortfolioClient {
  applyTrades(trades: TradeToApply[]): Promise<BatchOutcome[]>;
  close?(): Promise<void>;
}

export interface CoalescingOptions {
  /** How many calls may be on their way at once (default 2: one slow call does not hold every trade back). */
  maxInFlight?: number;
  /** The most trades one call carries (default and upper bound: MAX_TRADE_BATCH). */
  maxBatch?: number;
}

interface Waiting {
  trade: TradeToApply;
  resolve: (result: ApplyTradeResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Applies trades as they come, and those that come while earlier calls are on their way together, in one batch:
 * no trade waits for a timer (one alone is sent at once, by the single apply), and under load one call carries
 * many — a request to the portfolio service, its token check and its JSON cost most of a trade's CPU (perf/README.md,
 * ninth round). Each caller gets what applyTrade would have given it: its own result or refusal; when the batch's
 * call fails (no answer in time, the service down), every trade in it gets that error and stays pending for the
 * reconciler, as a single apply's would. A trade waits at most for the calls on their way, each bounded by the
 * client's timeout: the claim lease must outlast two timeouts.
 */
export class CoalescingPortfolioClient implements PortfolioClient {
  readonly #client: BatchingPortfolioClient;
  readonly #maxInFlight: number;
  readonly #maxBatch: number;
  readonly #waiting: Waiting[] = [];
  #inFlight = 0;

  constructor(client: BatchingPortfolioClient, options: CoalescingOptions = {}) {
    this.#client = client;
    this.#maxInFlight = Math.max(1, options.maxInFlight ?? 2);
    this.#maxBatch = Math.min(MAX_TRADE_BATCH, Math.max(1, options.maxBatch ?? MAX_TRADE_BATCH));
  }

  applyTrade(request: ApplyTradeRequest, ctx: CallContext): Promise<ApplyTradeResult> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ trade: { request, ctx }, resolve, reject });
      this.#drain();
    });
  }

  tradeStatus(transactionId: string, ctx: CallContext): Promise<ApplyTradeResult | null> {
    return this.#client.tradeStatus(transactionId, ctx);
  }

  async close(): Promise<void> {
    await this.#client.close?.();
  }

  #drain(): void {
    while (this.#inFlight < this.#maxInFlight && this.#waiting.length) {
      const batch = this.#waiting.splice(0, this.#maxBatch);
      this.#inFlight += 1;
      void this.#send(batch).finally(() => {
        this.#inFlight -= 1;
        this.#drain();
      });
    }
  }

  async #send(batch: Waiting[]): Promise<void> {
    if (batch.length === 1) {
      const [{ trade, resolve, reject }] = batch;
      await this.#client.applyTrade(trade.request, trade.ctx).then(resolve, reject);
      return;
    }
    try {
      const outcomes = await this.#client.applyTrades(batch.map((waiting) => waiting.trade));
      batch.forEach((waiting, i) => {
        const outcome = outcomes[i];
        if ('result' in outcome) waiting.resolve(outcome.result);
        else waiting.reject(outcome.error);
      });
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}
