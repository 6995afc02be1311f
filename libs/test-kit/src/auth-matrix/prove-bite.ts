/**
 * Proof that the security tests bite (run in CI as `npm run security:prove-bite`): on a temporary copy of the
 * repository — never the real tree — remove one check from a path that decides whether a caller is let in,
 * run the tests that guard that path, and require that at least one fails naming the broken case.
 * Exits non-zero if a mutation survives.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { proveBite, type BiteMutation } from '../prove-bite.ts';

const ROOT = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));
const MATRIX = 'src/http/authorization-matrix.test.ts';
const matrix = (project: string): BiteMutation['run'] => (copy) => copy.ava(project, [MATRIX]);

const MUTATIONS: BiteMutation[] = [
  {
    name: '(a) cache: the verified-token cache forgets to check expiry',
    file: 'libs/auth-tokens/src/verified-cache.ts',
    from: 'if (at >= entry.identity.expiresAt.getTime() + EXPIRY_TOLERANCE_MS || ',
    to: 'if (',
    run: matrix('services/portfolio'),
    expect: /once the token has expired: expected 401 token_expired/,
  },
  {
    name: '(b) role: the auth service\'s admin check is removed',
    file: 'services/auth/src/http/authenticate.ts',
    from: "  if (user.role !== 'admin') throw forbidden('This action needs the admin role.', 'admin_only');\n",
    to: '',
    run: matrix('services/auth'),
    expect: /plain user on an admin route: expected 403 admin_only/,
  },
  {
    name: '(c) ownership: portfolios are looked up by id alone',
    file: 'services/portfolio/src/portfolios/portfolio.repository.ts',
    from: 'em.findOne(Portfolio, { id, ownerId })',
    to: 'em.findOne(Portfolio, { id })',
    run: matrix('services/portfolio'),
    expect: /another user on an owned resource: expected 404 not_found/,
  },
  {
    name: '(d) deactivation: auth stops checking that the user is still active',
    file: 'services/auth/src/http/authenticate.ts',
    from: 'if (!user || !user.active) throw',
    to: 'if (!user) throw',
    run: matrix('services/auth'),
    expect: /deactivated user \(refused at once\): expected 401 account_inactive/,
  },
  {
    name: '(e) ownership, fast path: the prepared read behind the holdings and performance pages ignores the owner',
    file: 'services/portfolio/src/portfolios/portfolio.repository.ts',
    from: 'from portfolio where id = ? and owner_id = ?',
    to: 'from portfolio where id = ? and (owner_id = ? or 1 = 1)',
    run: matrix('services/portfolio'),
    expect: /GET \/portfolios\/:id\/holdings: every refused caller/,
  },
  {
    name: '(f) ownership, fast path: the prepared history read lists every user\'s transactions',
    file: 'services/transaction/src/transactions/transaction.repository.ts',
    from: "const where = ['user_id = ?',",
    to: "const where = ['(user_id = ? or 1 = 1)',",
    run: (copy) => copy.ava('services/transaction', ['src/transactions/access.test.ts']),
    expect: /another user can neither see nor fetch your transactions/,
  },
];

process.exit(proveBite(ROOT, 'security tests', MUTATIONS));
