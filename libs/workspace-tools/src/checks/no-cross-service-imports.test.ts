import test from 'ava';
import { checkNoCrossServiceImports, CROSS_SERVICE_ALLOWED, servicePackages, targetService } from './no-cross-service-imports.ts';
import { fixtureTree, manifest } from './fixture-tree.ts';

const services = {
  'services/auth/package.json': manifest('@ledgerline/auth'),
  'services/portfolio/package.json': manifest('@ledgerline/portfolio'),
  'services/transaction/package.json': manifest('@ledgerline/transaction'),
  'services/gateway/package.json': manifest('@ledgerline/gateway'),
};

test('a specifier is mapped to the service it reaches, by relative path or package name', (t) => {
  const root = fixtureTree(t, services);
  const packages = servicePackages(root);
  t.is(packages.get('portfolio'), '@ledgerline/portfolio');
  t.is(targetService('services/transaction/src/a.ts', '../../portfolio/src/money/money.ts', packages), 'portfolio');
  t.is(targetService('services/transaction/src/a.ts', './b.ts', packages), 'transaction');
  t.is(targetService('services/transaction/src/a.ts', '@ledgerline/portfolio', packages), 'portfolio');
  t.is(targetService('services/transaction/src/a.ts', '@ledgerline/portfolio-client', packages), undefined);
  t.is(targetService('libs/http-kit/src/a.ts', '../../../services/auth/src/app.ts', packages), 'auth');
});

test('a service importing another service, in any form, is reported with its line', (t) => {
  const root = fixtureTree(t, {
    ...services,
    'services/transaction/src/trades/record.ts': [
      "import { applyTrade } from '../../../portfolio/src/pnl/apply-trade.ts';",
      "import type { ApplyTradeResult } from '@ledgerline/portfolio';",
      "import { HttpPortfolioClient } from '@ledgerline/portfolio-client';",
      "import { parse } from './parse.ts';",
      "const auth = await import('@ledgerline/auth/src/app.ts');",
      "export { Portfolio } from '../../../portfolio/src/portfolios/portfolio.entity.ts';",
    ],
    'services/gateway/test/routes.test.ts': ["import { createApp } from '../../auth/src/app.ts';"],
  });
  const violations = checkNoCrossServiceImports(root);
  t.deepEqual(violations.map((v) => `${v.file}:${v.line}`), [
    'services/gateway/test/routes.test.ts:1',
    'services/transaction/src/trades/record.ts:1',
    'services/transaction/src/trades/record.ts:2',
    'services/transaction/src/trades/record.ts:5',
    'services/transaction/src/trades/record.ts:6',
  ]);
  t.regex(violations[1].message, /services\/transaction imports '.*' from services\/portfolio/);
});

test('a lib importing a service is reported; perf, e2e and the allow-listed gateway stack are not', (t) => {
  const root = fixtureTree(t, {
    ...services,
    'libs/portfolio-client/src/trade-api.ts': ["import type { TradeType } from '@ledgerline/portfolio';"],
    'perf/src/seed/users.ts': ["import { registerUser } from '../../../services/auth/src/users/register.ts';", "import { authEntities } from '@ledgerline/auth';"],
    'e2e/global-setup.ts': ["import { createApp } from '../services/auth/src/app.ts';"],
    'services/gateway/test/support/stack.ts': ["import { createApp } from '../../../auth/src/app.ts';"],
  });
  t.regex(CROSS_SERVICE_ALLOWED['services/gateway/test/support/stack.ts'], /provider verification runs the real services/);
  const violations = checkNoCrossServiceImports(root);
  t.deepEqual(violations.map((v) => `${v.file}:${v.line}`), ['libs/portfolio-client/src/trade-api.ts:1']);
  t.regex(violations[0].message, /libs never depend on a service/);
});
