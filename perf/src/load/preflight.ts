import type { Session } from './sessions.ts';

async function getJson<T>(url: string, token: string): Promise<T> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
  if (response.status !== 200) throw new Error(`GET ${url}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Before measuring, reads a few seeded portfolios back through the gateway and checks that the services see
 * the data set as seeded and consistent: the cash the portfolio service reports equals the manifest's and the
 * cash after the newest transaction in the transaction service's history; the open holdings are all listed.
 */
export async function checkSeededData(gatewayUrl: string, sessions: Session[], sample = 5): Promise<number> {
  let checked = 0;
  for (const session of sessions.slice(0, sample)) {
    for (const portfolio of session.portfolios) {
      const base = `${gatewayUrl}/api/v1`;
      const [performance, holdings, history] = await Promise.all([
        getJson<{ cash: string }>(`${base}/portfolios/${portfolio.id}/performance`, session.token),
        getJson<{ items: unknown[] }>(`${base}/portfolios/${portfolio.id}/holdings`, session.token),
        getJson<{ items: Array<{ result: { cash: string } }> }>(`${base}/transactions?portfolioId=${portfolio.id}&limit=1`, session.token),
      ]);
      const latest = history.items[0]?.result.cash;
      if (performance.cash !== portfolio.cash || latest !== portfolio.cash || holdings.items.length !== portfolio.openHoldings) {
        throw new Error(`seeded portfolio ${portfolio.id} is not what was seeded: cash ${performance.cash} (seeded ${portfolio.cash}, after the last transaction ${latest}), ` +
          `${holdings.items.length} open holdings (seeded ${portfolio.openHoldings})`);
      }
      checked += 1;
    }
  }
  return checked;
}
