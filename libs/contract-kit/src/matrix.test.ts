import test from 'ava';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTempDir } from '@ledgerline/test-kit';
import { formatMatrix, listPacts, verificationMatrix } from './index.ts';

function fixture(t: { teardown(fn: () => unknown): void }) {
  const temp = createTempDir();
  t.teardown(() => temp.remove());
  const results = join(temp.dir, '.results');
  mkdirSync(results);
  writeFileSync(join(temp.dir, 'boundaries.json'), JSON.stringify({ boundaries: [
    { consumer: 'web', provider: 'gateway' }, { consumer: 'gateway', provider: 'auth' }, { consumer: 'transaction', provider: 'portfolio' },
  ] }));
  const pact = (consumer: string, provider: string, n: number) =>
    writeFileSync(join(temp.dir, `${consumer}-${provider}.json`), JSON.stringify({ consumer: { name: consumer }, provider: { name: provider },
      interactions: Array.from({ length: n }, (_, i) => ({ description: `i${i}`, providerStates: [{ name: 's' }] })) }));
  pact('web', 'gateway', 2);
  pact('gateway', 'auth', 3);
  const sha = (consumer: string, provider: string) => listPacts(provider, temp.dir).find((p) => p.consumer === consumer)!.sha256;
  writeFileSync(join(results, 'gateway.json'), JSON.stringify({ provider: 'gateway', pacts: [{ consumer: 'web', sha256: sha('web', 'gateway'), interactions: 2, verified: 2, failed: [] }] }));
  writeFileSync(join(results, 'auth.json'), JSON.stringify({ provider: 'auth', pacts: [{ consumer: 'gateway', sha256: 'old', interactions: 3, verified: 3, failed: [] }] }));
  return { dir: temp.dir, results };
}

test('the matrix says verified only for a pact whose exact content was verified in full', (t) => {
  const { dir, results } = fixture(t);
  const rows = verificationMatrix(dir, results);
  t.deepEqual(rows.map((r) => `${r.consumer}→${r.provider}:${r.status}`), ['web→gateway:verified', 'gateway→auth:stale', 'transaction→portfolio:missing pact']);
  const table = formatMatrix(rows);
  t.regex(table, /web\s+gateway\s+2\s+2\s+yes/);
  t.regex(table, /NO \(missing pact\)/);
});

test('a failing interaction makes the boundary fail', (t) => {
  const { dir, results } = fixture(t);
  const sha = listPacts('gateway', dir)[0].sha256;
  writeFileSync(join(results, 'gateway.json'), JSON.stringify({ provider: 'gateway', pacts: [{ consumer: 'web', sha256: sha, interactions: 2, verified: 1, failed: ['i1: mismatch'] }] }));
  t.is(verificationMatrix(dir, results)[0].status, 'failed');
});
