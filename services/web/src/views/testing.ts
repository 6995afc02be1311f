/**
 * Test helper for view specs (never imported by the app, so never bundled): renders a component to HTML with
 * preact-render-to-string inside the app's context, then reads the HTML back with parse5, as a user would see it —
 * the text of an element found by its data-testid, a table's cells row by row under their headers.
 *
 * Rendering to a string runs no effects, so a page renders its first state (loading); the states after a load are
 * rendered through each page's state component (`PortfolioOverview`, `TradeScreen`, …) with a fixed `Load` value.
 * The context's client is a real GatewayClient whose fetch refuses: a view that called the network while rendering
 * would fail its test.
 */
import type { Holding, Performance, Portfolio } from '@ledgerline/api-schemas';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { ApiError } from '../api/api-error.ts';
import { GatewayClient } from '../api/gateway-client.ts';
import { AppContext } from './context.ts';
import { html } from './html.ts';

type Node = DefaultTreeAdapterMap['childNode'];
type Element = DefaultTreeAdapterMap['element'];

export interface Rendered {
  html: string;
  /** Whether an element with this data-testid is shown. */
  has(testid: string): boolean;
  /** The visible text of the element with this data-testid (whitespace collapsed); throws when there is none. */
  text(testid: string): string;
  /** The texts of several elements, by data-testid (to compare a whole screen's figures at once). */
  texts(testids: string[]): Record<string, string>;
  /** An attribute of the element with this data-testid (undefined when absent). */
  attr(testid: string, name: string): string | undefined;
  /** Every data-testid shown that starts with `prefix`, in document order. */
  testids(prefix: string): string[];
  /** The table (found by data-testid) as rows of cell texts; the first row is the header. */
  table(testid: string): string[][];
  /** The whole rendered text. */
  allText(): string;
}

const offline = (): Promise<Response> => Promise.reject(new Error('a view called the network while rendering'));

/** Renders `view` inside the app's context (a client that never answers, a navigate that does nothing). */
export function render(view: VNode): Rendered {
  const client = new GatewayClient('http://gateway.invalid', { fetch: offline });
  const markup = renderToString(html`<${AppContext.Provider} value=${{ client, navigate: () => undefined }}>${view}<//>` as VNode);
  const root = parseFragment(markup);
  const elements: Element[] = [];
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      if ('tagName' in node) {
        elements.push(node);
        walk(node.tagName === 'template' ? [] : node.childNodes);
      }
    }
  };
  walk(root.childNodes);
  const byTestid = (testid: string) => elements.find((e) => attribute(e, 'data-testid') === testid);
  const find = (testid: string) => {
    const element = byTestid(testid);
    if (!element) throw new Error(`nothing with data-testid="${testid}" in:\n${markup}`);
    return element;
  };
  return {
    html: markup,
    has: (testid) => byTestid(testid) !== undefined,
    text: (testid) => textOf(find(testid)),
    texts: (testids) => Object.fromEntries(testids.map((testid) => [testid, textOf(find(testid))])),
    attr: (testid, name) => attribute(find(testid), name),
    testids: (prefix) => elements.map((e) => attribute(e, 'data-testid')).filter((id): id is string => id?.startsWith(prefix) ?? false),
    table: (testid) => rowsOf(find(testid)),
    allText: () => clean(root.childNodes.map(rawText).join(' ')),
  };
}

/** The ApiError the client raises for a gateway answer with this status and code. */
export function apiError(status: number, code: string, detail: string): ApiError {
  return new ApiError({ status, code, detail });
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

function rawText(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  // elements are apart on screen (cells, legend spans, svg titles), so their texts are read apart
  if ('tagName' in node) return node.childNodes.map(rawText).join(' ');
  return '';
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

function textOf(element: Element): string {
  return clean(rawText(element));
}

function rowsOf(table: Element): string[][] {
  const rows: string[][] = [];
  const walk = (element: Element) => {
    for (const child of element.childNodes) {
      if (!('tagName' in child)) continue;
      if (child.tagName === 'tr') rows.push(child.childNodes.filter((c): c is Element => 'tagName' in c && (c.tagName === 'td' || c.tagName === 'th')).map(textOf));
      else walk(child);
    }
  };
  walk(table);
  return rows;
}

// ---- fixed data, as the gateway answers it (every figure distinct, so a cell showing the wrong field fails) ----

export const portfolio: Portfolio = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  name: 'Retirement',
  baseCurrency: 'EUR',
  description: 'Long-term savings',
  cash: '1250.75',
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-03-01T10:30:00.000Z',
};

export const holdings: Holding[] = [
  {
    symbol: 'AAPL', name: 'Apple Inc.', assetClass: 'equity', quantity: '10', averageCost: '150.1234', costBasis: '1501.23',
    lastPrice: '189.50', marketValue: '1895.00', unrealizedPnl: '393.77', unrealizedPnlPercent: '26.23', realizedPnl: '12.40',
  },
  {
    symbol: 'BND', name: 'Total Bond Market ETF', assetClass: 'bond', quantity: '25.5', averageCost: '72.0000', costBasis: '1836.00',
    lastPrice: '70.10', marketValue: '1787.55', unrealizedPnl: '-48.45', unrealizedPnlPercent: '-2.64', realizedPnl: '0.00',
  },
];

export const performance: Performance = {
  portfolioId: portfolio.id,
  baseCurrency: 'EUR',
  marketValue: '3682.55',
  costBasis: '3337.23',
  unrealizedPnl: '345.32',
  unrealizedPnlPercent: '10.35',
  realizedPnl: '-12.40',
  cash: '1250.75',
  totalValue: '4933.30',
  allocation: {
    byAssetClass: [{ assetClass: 'equity', marketValue: '1895.00', weight: '51.46' }, { assetClass: 'bond', marketValue: '1787.55', weight: '48.54' }],
    byHolding: [{ symbol: 'AAPL', marketValue: '1895.00', weight: '51.46' }, { symbol: 'BND', marketValue: '1787.55', weight: '48.54' }],
  },
};

/** A portfolio with nothing invested yet (cash only). */
export const emptyPerformance: Performance = {
  ...performance,
  marketValue: '0.00', costBasis: '0.00', unrealizedPnl: '0.00', unrealizedPnlPercent: '0.00', realizedPnl: '0.00', totalValue: '1250.75',
  allocation: { byAssetClass: [], byHolding: [] },
};
