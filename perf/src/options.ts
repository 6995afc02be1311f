/** Data-set sizes per scale, and the command-line/environment options shared by seed.ts and run.ts. */
export const SCALE_NAMES = ['small', 'default', 'large'] as const;
export type ScaleName = (typeof SCALE_NAMES)[number];

export interface Scale {
  name: ScaleName;
  users: number;
  portfolios: number;
  holdings: number;
  transactions: number;
  /** Instruments in the universe: the service's real tickers plus a generated long tail. */
  instruments: number;
  /** Users logged in before the measured phase; their tokens rotate across requests. */
  sessionPool: number;
  /** Seconds of unmeasured warm-up per scenario, seconds of one measured slice, slices per scenario, and connections. */
  warmupSeconds: number;
  durationSeconds: number;
  rounds: number;
  connections: number;
}

const LOAD = { warmupSeconds: 3, durationSeconds: 4, rounds: 3, connections: 50 };

export const SCALES: Record<ScaleName, Scale> = {
  small: { name: 'small', users: 50, portfolios: 100, holdings: 1_000, transactions: 10_000, instruments: 150, sessionPool: 50, warmupSeconds: 2, durationSeconds: 2, rounds: 3, connections: 50 },
  default: { name: 'default', users: 1_000, portfolios: 2_000, holdings: 20_000, transactions: 200_000, instruments: 500, sessionPool: 300, ...LOAD },
  large: { name: 'large', users: 5_000, portfolios: 10_000, holdings: 100_000, transactions: 1_000_000, instruments: 1_500, sessionPool: 500, ...LOAD },
};

export interface CliOptions {
  scale: Scale;
  /** Seeder output folder (seed.ts only). */
  out?: string;
  /** run.ts: use a data set seed.ts made (copied into the run's temp dir, so the run never changes it) instead of seeding. */
  data?: string;
  /** Only these scenarios (run.ts --only a,b). */
  only?: string[];
  /** Write this run into perf/results/baseline.json for its scale. */
  saveBaseline: boolean;
  /** Start the services with --cpu-prof and print where their CPU went. */
  profile: boolean;
  /** Skip the bare-Koa / ORM reference measurements. */
  skipReference: boolean;
}

function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a whole number of at least 1, not "${value}".`);
  return parsed;
}

/** The value of `--name value` or `--name=value` (Nx forwards both spellings). */
export function flagValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i += 1) {
    if (argv[i] === `--${name}`) return argv[i + 1];
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return undefined;
}

function hasFlag(argv: readonly string[], name: string): boolean {
  return argv.some((arg) => arg === `--${name}` || arg === `--${name}=true`);
}

/** Reads `--scale small|default|large` (else env PERF_SCALE, else default) and the other flags. */
export function parseOptions(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): CliOptions {
  const requested = flagValue(argv, 'scale') ?? env.PERF_SCALE ?? 'default';
  const name = SCALE_NAMES.find((candidate) => candidate === requested);
  if (!name) throw new Error(`Unknown scale "${requested}": use one of ${SCALE_NAMES.join(', ')} (--scale or PERF_SCALE).`);
  const only = flagValue(argv, 'only');
  const rounds = positiveInteger(flagValue(argv, 'rounds'), 'rounds');
  return {
    scale: rounds ? { ...SCALES[name], rounds } : SCALES[name],
    out: flagValue(argv, 'out'),
    data: flagValue(argv, 'data'),
    only: only ? only.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    saveBaseline: hasFlag(argv, 'save-baseline'),
    profile: hasFlag(argv, 'profile') || env.PERF_PROFILE === '1',
    skipReference: hasFlag(argv, 'skip-reference'),
  };
}
