import type { AssetClass } from './instrument.entity.ts';

export interface SeedInstrument {
  symbol: string;
  name: string;
  assetClass: AssetClass;
  currency: string;
  /** Decimal string, ≤ 4 dp. */
  lastPrice: string;
}

const usd = (assetClass: AssetClass) => (symbol: string, name: string, lastPrice: string): SeedInstrument => ({ symbol, name, assetClass, currency: 'USD', lastPrice });
const equity = usd('equity');
const etf = usd('etf');
const bond = usd('bond');
const cash = usd('cash');

/** The seeded universe: real tickers with plausible reference prices (not live quotes). */
export const INSTRUMENT_UNIVERSE: readonly SeedInstrument[] = [
  equity('AAPL', 'Apple Inc.', '189.84'),
  equity('MSFT', 'Microsoft Corporation', '415.26'),
  equity('NVDA', 'NVIDIA Corporation', '121.44'),
  equity('AMZN', 'Amazon.com Inc.', '183.54'),
  equity('GOOGL', 'Alphabet Inc. Class A', '171.95'),
  equity('META', 'Meta Platforms Inc.', '492.18'),
  equity('TSLA', 'Tesla Inc.', '248.50'),
  equity('BRK.B', 'Berkshire Hathaway Inc. Class B', '412.87'),
  equity('JPM', 'JPMorgan Chase & Co.', '198.73'),
  equity('V', 'Visa Inc. Class A', '274.10'),
  equity('JNJ', 'Johnson & Johnson', '152.36'),
  equity('WMT', 'Walmart Inc.', '68.42'),
  equity('PG', 'Procter & Gamble Co.', '166.05'),
  equity('XOM', 'Exxon Mobil Corporation', '113.67'),
  equity('UNH', 'UnitedHealth Group Inc.', '512.90'),
  equity('HD', 'The Home Depot Inc.', '345.21'),
  equity('KO', 'The Coca-Cola Company', '63.18'),
  equity('PEP', 'PepsiCo Inc.', '171.32'),
  equity('COST', 'Costco Wholesale Corporation', '856.40'),
  equity('DIS', 'The Walt Disney Company', '101.76'),
  equity('NFLX', 'Netflix Inc.', '645.52'),
  equity('ADBE', 'Adobe Inc.', '478.34'),
  equity('CRM', 'Salesforce Inc.', '262.19'),
  equity('INTC', 'Intel Corporation', '30.85'),
  equity('AMD', 'Advanced Micro Devices Inc.', '158.62'),
  etf('VTI', 'Vanguard Total Stock Market ETF', '268.37'),
  etf('VOO', 'Vanguard S&P 500 ETF', '502.14'),
  etf('SPY', 'SPDR S&P 500 ETF Trust', '546.22'),
  etf('QQQ', 'Invesco QQQ Trust Series 1', '479.81'),
  etf('IVV', 'iShares Core S&P 500 ETF', '548.90'),
  etf('VXUS', 'Vanguard Total International Stock ETF', '61.27'),
  etf('VEA', 'Vanguard FTSE Developed Markets ETF', '50.43'),
  etf('VWO', 'Vanguard FTSE Emerging Markets ETF', '43.95'),
  etf('SCHD', 'Schwab US Dividend Equity ETF', '78.66'),
  etf('VNQ', 'Vanguard Real Estate ETF', '84.12'),
  etf('GLD', 'SPDR Gold Shares', '215.30'),
  etf('IWM', 'iShares Russell 2000 ETF', '203.48'),
  bond('BND', 'Vanguard Total Bond Market ETF', '72.41'),
  bond('AGG', 'iShares Core US Aggregate Bond ETF', '97.88'),
  bond('TLT', 'iShares 20+ Year Treasury Bond ETF', '92.15'),
  bond('IEF', 'iShares 7-10 Year Treasury Bond ETF', '94.62'),
  bond('LQD', 'iShares iBoxx $ Investment Grade Corporate Bond ETF', '107.93'),
  bond('HYG', 'iShares iBoxx $ High Yield Corporate Bond ETF', '77.54'),
  bond('TIP', 'iShares TIPS Bond ETF', '107.21'),
  bond('MUB', 'iShares National Muni Bond ETF', '106.48'),
  bond('BNDX', 'Vanguard Total International Bond ETF', '48.97'),
  bond('VGSH', 'Vanguard Short-Term Treasury ETF', '58.31'),
  cash('SHV', 'iShares Short Treasury Bond ETF', '110.27'),
  cash('BIL', 'SPDR Bloomberg 1-3 Month T-Bill ETF', '91.58'),
  cash('SGOV', 'iShares 0-3 Month Treasury Bond ETF', '100.46'),
  cash('USFR', 'WisdomTree Floating Rate Treasury Fund', '50.32'),
  cash('VMFXX', 'Vanguard Federal Money Market Fund', '1.00'),
  cash('SPAXX', 'Fidelity Government Money Market Fund', '1.00'),
];
