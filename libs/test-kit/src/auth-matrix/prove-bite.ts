/**
 * Proof that the security tests bite (run in CI as `npm run security:prove-bite`): on a temporary copy of the
 * repository — never the real tree — remove one check from a path that decides whether a caller is let in,
 * run the tests that guard that path, and require that at least one fails naming the broken case.
 * Exits non-zero if a mutation survives.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyRepo } from '../repo-copy.ts';

const ROOT = resolve(fileURLToPath(new URL('../../../..', import.meta.url)));

interface Mutation {
  name: string;
  file: string;
  from: string;
  to: string;
  project: string;
  tests: string;
  /** What a failing test must say. */
  expect: RegExp;
}

const MUTATIONS: Mutation[] = [
  {
    name: '(a) cache: the verified-token cache forgets to check expiry',
    file: 'libs/auth-tokens/src/verified-cache.ts',
    from: 'if (at >= entry.identity.expiresAt.getTime() + EXPIRY_TOLERANCE_MS || ',
    to: 'if (',
    project: 'services/portfolio',
    tests: 'src/http/authorization-matrix.test.ts',
    expect: /once the token has expired: expected 401 token_expired/,
  },
  {
    name: '(b) role: the auth service\'s admin check is removed',
    file: 'services/auth/src/http/authenticate.ts',
    from: "  if (user.role !== 'admin') throw forbidden('This action needs the admin role.', 'admin_only');\n",
    to: '',
    project: 'services/auth',
    tests: 'src/http/authorization-matrix.test.ts',
    expect: /plain user on an admin route: expected 403 admin_only/,
  },
  {
    name: '(c) ownership: portfolios are looked up by id alone',
    file: 'services/portfolio/src/portfolios/portfolio.repository.ts',
    from: 'em.findOne(Portfolio, { id, ownerId })',
    to: 'em.findOne(Portfolio, { id })',
    project: 'services/portfolio',
    tests: 'src/http/authorization-matrix.test.ts',
    expect: /another user on an owned resource: expected 404 not_found/,
  },
  {
    name: '(d) deactivation: auth stops checking that the user is still active',
    file: 'services/auth/src/http/authenticate.ts',
    from: 'if (!user || !user.active) throw',
    to: 'if (!user) throw',
    project: 'services/auth',
    tests: 'src/http/authorization-matrix.test.ts',
    expect: /deactivated user \(refused at once\): expected 401 account_inactive/,
  },
];

let survived = 0;
for (const mutation of MUTATIONS) {
  const copy = copyRepo(ROOT);
  try {
    copy.mutate(mutation.file, mutation.from, mutation.to);
    const run = copy.ava(mutation.project, [mutation.tests]);
    const caught = run.status !== 0 && mutation.expect.test(run.output);
    const failed = run.output.split('\n').filter((line) => line.includes('✘')).length;
    console.log(`${caught ? 'caught   ' : 'SURVIVED '} ${mutation.name}${caught ? ` — ${failed} failing test(s)` : ''}`);
    if (caught) {
      const line = run.output.split('\n').find((l) => mutation.expect.test(l));
      if (line) console.log(`          ${line.trim().replace(/^[-+]\s*/, '').slice(0, 200)}`);
    } else {
      survived += 1;
      console.log(run.output.slice(-3000));
    }
  } finally {
    copy.remove();
  }
}
console.log(survived ? `security tests bite: NO — ${survived} mutation(s) survived` : `security tests bite: yes — ${MUTATIONS.length} of ${MUTATIONS.length} mutations caught`);
process.exit(survived ? 1 : 0);
