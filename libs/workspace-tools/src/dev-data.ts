/**
 * Seed 003's scenario, made reproducible: creates a developer database in ./data/ with known content, through
 * the services themselves (started as `npm start` would, outside any test runner), so that CI can prove the
 * whole suite leaves ./data/ byte-for-byte unchanged. Prints what it created.
 */
import { resolve } from 'node:path';
import { startSystem } from '@ledgerline/system-kit';
import { REPO_ROOT } from './discover.ts';

const system = await startSystem({ dataDir: resolve(REPO_ROOT, 'data'), testRun: false });
try {
  const api = `${system.gatewayUrl}/api/v1`;
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${api}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`POST ${path} → ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, string>>;
  };
  const email = `developer-${Date.now()}@ledgerline.local`;
  await post('/auth/register', { email, password: 'Developer-Data-42', fullName: 'Dev Data', investmentProfile: { riskTolerance: 'moderate', horizonYears: 10, goals: ['other'] } });
  const { accessToken } = await post('/auth/login', { email, password: 'Developer-Data-42' });
  const auth = { authorization: `Bearer ${accessToken}` };
  const portfolio = await post('/portfolios', { name: 'Developer portfolio', baseCurrency: 'USD' }, auth);
  await post('/transactions', { portfolioId: portfolio.id, type: 'deposit', amount: '1234.56' }, { ...auth, 'idempotency-key': `dev-${Date.now()}` });
  console.log(`dev-data: ./data/ holds user ${email} with portfolio ${portfolio.id} and a deposit of 1234.56`);
} finally {
  await system.stop();
}
