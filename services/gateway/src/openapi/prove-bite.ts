/**
 * Proof that the OpenAPI response check bites (run in CI as `npm run openapi:prove-bite`): on a temporary copy of
 * the repository — never the real tree — make the gateway send a body the document does not allow, run the tests
 * that check responses against the document, and require that they fail naming the violation:
 *  (a) a wrong type: a recorded transaction's executedAt as a number → the gateway's unit tests;
 *  (b) a renamed field: the portfolio list's nextCursor as "next" → the web → gateway provider verification.
 * Exits non-zero if a mutation survives.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { proveBite, type BiteMutation } from '@ledgerline/test-kit';

const ROOT = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));
const GATEWAY = 'services/gateway';

const MUTATIONS: BiteMutation[] = [
  {
    name: '(a) the gateway answers a recorded transaction with executedAt as a number (unit tests)',
    file: 'services/gateway/src/routes/transaction.routes.ts',
    from: '    ctx.body = transaction;',
    to: '    ctx.body = { ...transaction, executedAt: Date.parse(transaction.executedAt) };',
    run: (copy) => copy.ava(GATEWAY, ['src/routes/routing.test.ts']),
    expect: /openapi_violation: POST \/api\/v1\/transactions → 20\d: the body does not match the document: body\/executedAt must be string/,
  },
  {
    name: '(b) the gateway renames the portfolio list\'s nextCursor to "next" (web → gateway provider verification)',
    file: 'services/gateway/src/routes/portfolio.routes.ts',
    from: '    ctx.body = await portfolio.listRelayed(callContext(ctx));',
    to: '    const { nextCursor, ...page } = JSON.parse(await portfolio.listRelayed(callContext(ctx)));\n    ctx.body = { ...page, next: nextCursor };',
    run: (copy) => copy.ava(GATEWAY, ['test/provider.pact.test.ts'], { LEDGERLINE_CONTRACTS_DIR: join(copy.dir, 'contracts') }),
    expect: /openapi_violation: GET \/api\/v1\/portfolios → 200: the body does not match the document: body must have required property 'nextCursor'/,
  },
];

process.exit(proveBite(ROOT, 'OpenAPI response checks', MUTATIONS));
