import type { Faker } from '@faker-js/faker';
import { rotation, type Session } from '../load/sessions.ts';
import type { SeededPortfolio } from '../seed/manifest.ts';
import { seededFaker } from '../seed/random.ts';
import { historyRequest, holdingsRequest, listRequest, loginRequest, performanceRequest, tradeRequest, type Ctx, type Prepare } from './requests.ts';
import type { Scenario, ScenarioContext } from './scenario.ts';

/** Sets ctx to the next session (token) and one of its portfolios; `withCash` keeps to portfolios with cash. */
function sessionPicker(ctx: ScenarioContext): Prepare {
  const next = rotation(ctx.sessions, ctx.seed);
  const faker: Faker = seededFaker(ctx.seed + 1);
  return (c: Ctx) => {
    const session: Session = next();
    const portfolio: SeededPortfolio = faker.helpers.arrayElement(session.portfolios);
    c.token = session.token;
    c.portfolioId = portfolio.id;
    c.minOpen = portfolio.openHoldings;
    c.expectPortfolios = session.portfolios.length;
  };
}

/** Moves to another portfolio from the list the journey's own list request returned (ctx.portfolioIds). */
function listedPortfolio(seed: number): Prepare {
  const faker = seededFaker(seed);
  return (c: Ctx) => {
    const ids = (c.portfolioIds as string[] | undefined) ?? [];
    c.portfolioId = ids.length ? faker.helpers.arrayElement(ids) : 'no-portfolio-listed';
    c.minOpen = 0;
  };
}

const login: Scenario = {
  name: 'login',
  title: 'Log in (a Zipf-like mix over every seeded user)',
  build(ctx, check) {
    const nextUser = rotation(ctx.manifest.users, ctx.seed);
    return [loginRequest(check, () => nextUser().email, ctx.manifest.password)];
  },
};

const portfolioList: Scenario = {
  name: 'portfolio-list',
  title: 'Portfolio list (tokens rotating over the session pool)',
  build: (ctx, check) => [listRequest(check, sessionPicker(ctx))],
};

const portfolioPage: Scenario = {
  name: 'portfolio-page',
  title: 'Portfolio page: holdings + performance of one portfolio',
  build(ctx, check) {
    return [holdingsRequest(check, sessionPicker(ctx)), performanceRequest(check)];
  },
};

const HISTORY_WALK = 5;

const history: Scenario = {
  name: 'transaction-history',
  title: `Transaction history: walking up to ${HISTORY_WALK} pages of 20 with nextCursor`,
  build(ctx, check) {
    const pick = sessionPicker(ctx);
    return Array.from({ length: HISTORY_WALK }, () => historyRequest(check, pick));
  },
};

const tradeWrites: Scenario = {
  name: 'trade-writes',
  title: 'Recording trades: a deposit, then a small buy it pays for (unique Idempotency-Keys)',
  build(ctx, check) {
    return [tradeRequest(check, 'deposit', ctx.nextKey, sessionPicker(ctx)), tradeRequest(check, 'buy', ctx.nextKey)];
  },
};

const mixed: Scenario = {
  name: 'mixed',
  title: 'Mixed user journey: log in, then list, portfolio pages, history and trades with that token',
  build(ctx, check) {
    const nextUser = rotation(ctx.manifest.users.filter((u) => u.portfolios.length), ctx.seed);
    const another = listedPortfolio(ctx.seed + 2);
    const walk = (fresh = false) => historyRequest(check, another, fresh);
    // 20 requests: login 5%, list 10%, holdings 20%, performance 20%, history 35%, trades 10%.
    return [
      loginRequest(check, () => nextUser().email, ctx.manifest.password),
      listRequest(check),
      holdingsRequest(check, another), performanceRequest(check),
      walk(true), walk(), walk(),
      holdingsRequest(check, another), performanceRequest(check),
      tradeRequest(check, 'deposit', ctx.nextKey, another), tradeRequest(check, 'buy', ctx.nextKey),
      walk(true), walk(),
      listRequest(check),
      holdingsRequest(check, another), performanceRequest(check),
      walk(true), walk(),
      holdingsRequest(check, another), performanceRequest(check),
    ];
  },
};

/** Every scenario, in the order the run measures them (reads before writes, the mix last). */
export const SCENARIOS: Scenario[] = [login, portfolioList, portfolioPage, history, tradeWrites, mixed];
