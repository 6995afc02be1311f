import { join } from 'node:path';
import type { Faker } from '@faker-js/faker';
import type { Em, Orm } from '@ledgerline/db-kit';
import { createMigratedFileOrm } from '@ledgerline/test-kit';
import { authMigrations } from '@ledgerline/auth';
import { portfolioMigrations, seedInstruments, SUPPORTED_CURRENCIES } from '@ledgerline/portfolio';
import { Transaction, transactionMigrations } from '@ledgerline/transaction';
import { Portfolio } from '../../../services/portfolio/src/portfolios/portfolio.entity.ts';
import { Holding } from '../../../services/portfolio/src/holdings/holding.entity.ts';
import { Instrument } from '../../../services/portfolio/src/instruments/instrument.entity.ts';
import { AppliedTrade } from '../../../services/portfolio/src/trades/applied-trade.entity.ts';
import { updatePrice } from '../../../services/portfolio/src/instruments/update-price.ts';
import type { Scale } from '../options.ts';
import { formatMs, startProgress } from '../progress.ts';
import { writeManifest, type SeedManifest, type SeededPortfolio } from './manifest.ts';
import { buildPortfolioHistory, type PortfolioPlan } from './portfolio-history.ts';
import { buildPricePaths, DAY_MS, HISTORY_DAYS, HISTORY_END, HISTORY_START } from './price-paths.ts';
import { apportion, logNormal, seededFaker, unit, zipfSampler } from './random.ts';
import { buildUniverse } from './universe.ts';
import { registerUsers, SEED_PASSWORD, userRegistration } from './users.ts';

export const DEFAULT_SEED = 42;
const BATCH = 2000;

export interface SeedOptions {
  /** Folder for auth.sqlite, portfolio.sqlite, transaction.sqlite and manifest.json (must be in the OS temp dir). */
  dir: string;
  scale: Scale;
  seed?: number;
  log?: (line: string) => void;
}

/** Inserts rows of one entity in batches with em.insertMany (the ORM's own bulk path: same column mapping as flush). */
function batchWriter<T extends object>(em: Em, entity: new (...args: never[]) => T, after?: () => Promise<void>) {
  let rows: object[] = [];
  const flush = async () => {
    if (after) await after();
    if (!rows.length) return;
    const batch = rows;
    rows = [];
    await em.insertMany(entity, batch as never);
  };
  return {
    async add(more: object[]) {
      rows.push(...more);
      if (rows.length >= BATCH) await flush();
    },
    flush,
  };
}

/** Picks `k` distinct symbols by popularity (Zipf), the long tail included. */
function pickSymbols(faker: Faker, universe: readonly string[], zipf: (faker: Faker) => number, k: number): string[] {
  const chosen = new Set<string>();
  let misses = 0;
  while (chosen.size < k) {
    const symbol = universe[zipf(faker)];
    if (chosen.has(symbol) && (misses += 1) > 50) {
      const free = universe.find((s) => !chosen.has(s));
      if (free) chosen.add(free);
      misses = 0;
    } else chosen.add(symbol);
  }
  return [...chosen];
}

/**
 * Seeds fresh file-SQLite databases for auth, portfolio and transaction through the services' own code:
 * users via registerUser, instruments via seedInstruments and updatePrice, trades generated in time order and
 * applied with the portfolio service's P/L function; rows are written with the services' entity definitions.
 * Deterministic from the seed (user ids and password salts come from the service's own random generator).
 */
export async function seedDatabases(options: SeedOptions): Promise<SeedManifest> {
  const log = options.log ?? ((line: string) => console.log(line));
  const { scale } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  const faker = seededFaker(seed);
  const started = performance.now();
  const timings: Record<string, number> = {};
  const phase = (name: string, ms: number) => {
    timings[name] = Math.round(ms) / 1000;
  };
  log(`Seeding the ${scale.name} data set (seed ${seed}) into ${options.dir}`);

  const orms: Orm[] = [];
  try {
    // Built by the services' migrations, as their main.ts builds a database: the system is started on these files.
    const open = async (migrations: Parameters<typeof createMigratedFileOrm>[0], name: string) => {
      const orm = await createMigratedFileOrm(migrations, join(options.dir, `${name}.sqlite`));
      orms.push(orm);
      return orm;
    };
    const [auth, portfolio, transaction] = [await open(authMigrations, 'auth'), await open(portfolioMigrations, 'portfolio'), await open(transactionMigrations, 'transaction')];

    // Instruments: the service's universe plus a long tail, prices walking over five years.
    let t = performance.now();
    const universe = buildUniverse(faker, scale.instruments);
    const prices = buildPricePaths(faker, universe);
    await seedInstruments(portfolio.em.fork(), new Date(HISTORY_START), universe);
    phase('instruments', performance.now() - t);

    // Users, through the auth service's registerUser.
    t = performance.now();
    const signUpDays = Array.from({ length: scale.users }, () => Math.floor(unit(faker) ** 1.5 * HISTORY_DAYS * 0.7));
    const registrations = signUpDays.map((day, index) => ({ input: userRegistration(faker, index), signedUpAt: new Date(HISTORY_START + day * DAY_MS + 9 * 3600_000) }));
    const progressUsers = startProgress('users', scale.users);
    const userIds = await registerUsers(auth, registrations, progressUsers);
    phase('users', progressUsers.done());

    // Who owns how many portfolios, how active each is and how many positions it builds.
    const portfoliosPerUser = apportion(scale.portfolios, userIds.map(() => logNormal(faker, 1, 0.9)), 1);
    const owners = portfoliosPerUser.flatMap((count, user) => Array.from({ length: count }, () => user));
    const activity = owners.map(() => logNormal(faker, 1, 0.9));
    const txCounts = apportion(scale.transactions, activity, 8);
    const holdingCounts = apportion(scale.holdings, activity.map((a) => a ** 0.5), 1)
      .map((k, i) => Math.max(1, Math.min(k, Math.floor((txCounts[i] - 1) / 2), universe.length)));
    const symbols = universe.map((instrument) => instrument.symbol);
    const zipf = zipfSampler(symbols.length);

    t = performance.now();
    const em = { portfolio: portfolio.em.fork(), transaction: transaction.em.fork() };
    const portfolios = batchWriter(em.portfolio, Portfolio);
    const holdings = batchWriter(em.portfolio, Holding, portfolios.flush);
    const applied = batchWriter(em.portfolio, AppliedTrade);
    const transactions = batchWriter(em.transaction, Transaction);
    const seeded: SeededPortfolio[][] = userIds.map(() => []);
    const counts = { users: userIds.length, portfolios: 0, holdings: 0, openHoldings: 0, transactions: 0, instruments: universe.length };
    const progressTrades = startProgress('transactions', scale.transactions);
    for (const [index, owner] of owners.entries()) {
      const openDay = Math.min(HISTORY_DAYS - 30, signUpDays[owner] + Math.floor(unit(faker) ** 2 * (HISTORY_DAYS - signUpDays[owner]) * 0.6));
      const plan: PortfolioPlan = {
        userId: userIds[owner],
        portfolioId: faker.string.uuid(),
        openDay,
        transactions: txCounts[index],
        symbols: pickSymbols(faker, symbols, zipf, holdingCounts[index]),
      };
      const name = faker.helpers.arrayElement(['Retirement', 'Core', 'Growth', 'Income', 'ISA', 'Kids', 'Play money', 'Pension', 'House deposit', 'Dividends']);
      const baseCurrency = unit(faker) < 0.85 ? 'USD' : faker.helpers.arrayElement(SUPPORTED_CURRENCIES);
      const description = unit(faker) < 0.4 ? faker.lorem.sentence() : null;
      const history = buildPortfolioHistory(faker, plan, prices);
      const createdAt = new Date(HISTORY_START + openDay * DAY_MS + 13 * 3600_000);
      await portfolios.add([{ id: plan.portfolioId, ownerId: plan.userId, name: `${name} ${index + 1}`, baseCurrency, description, cash: history.cash, createdAt, updatedAt: history.lastActivity }]);
      await holdings.add(history.holdings);
      await applied.add(history.appliedTrades);
      await transactions.add(history.transactions);
      const open = history.holdings.filter((h) => h.quantity !== '0').length;
      seeded[owner].push({ id: plan.portfolioId, cash: history.cash, transactions: history.transactions.length, openHoldings: open });
      counts.portfolios += 1;
      counts.holdings += history.holdings.length;
      counts.openHoldings += open;
      counts.transactions += history.transactions.length;
      progressTrades.tick(history.transactions.length);
    }
    for (const writer of [holdings, applied, transactions]) await writer.flush();
    phase('portfolios, holdings and transactions', progressTrades.done(`${counts.portfolios} portfolios, ${counts.holdings} holdings`));

    // Prices moved: every instrument gets its last price through the service's updatePrice use case.
    t = performance.now();
    const priceEm = portfolio.em.fork();
    for (const instrument of await priceEm.find(Instrument, {})) await updatePrice(priceEm, instrument, prices.finalPrice(instrument.symbol), new Date(HISTORY_END));
    phase('prices', performance.now() - t);

    for (const orm of orms) await orm.em.getConnection().execute('pragma wal_checkpoint(truncate)');
    phase('total', performance.now() - started);
    const manifest: SeedManifest = {
      scale: scale.name,
      seed,
      password: SEED_PASSWORD,
      counts,
      timings,
      users: registrations.map((r, i) => ({ email: r.input.email, portfolios: seeded[i] })),
    };
    writeManifest(options.dir, manifest);
    log(`Seeded ${counts.users} users, ${counts.portfolios} portfolios, ${counts.holdings} holdings (${counts.openHoldings} open), ${counts.transactions} transactions, ${counts.instruments} instruments in ${formatMs(performance.now() - started)}`);
    return manifest;
  } finally {
    for (const orm of orms) await orm.close(true);
  }
}
