import { Faker, base, en } from '@faker-js/faker';

/** A Faker of its own (not the shared global one), seeded: the same seed gives the same data set. */
export function seededFaker(seed: number): Faker {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(seed);
  return faker;
}

/** A uniform number in [0, 1). */
export function unit(faker: Faker): number {
  return faker.number.float({ min: 0, max: 1, multipleOf: 1e-12 }) % 1;
}

/** A standard normal number (Box–Muller). */
export function normal(faker: Faker): number {
  const u = Math.max(unit(faker), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * unit(faker));
}

/** A log-normal number whose median is `median`, spread by `sigma`. */
export function logNormal(faker: Faker, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(faker));
}

/**
 * Picks ranks 0..n-1 with Zipf-like popularity (weight 1 / (rank + 1)^s): a few items are very popular,
 * most are in the long tail.
 */
export function zipfSampler(n: number, s = 1.07): (faker: Faker) => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank += 1) {
    total += 1 / (rank + 1) ** s;
    cumulative[rank] = total;
  }
  return (faker) => {
    const target = unit(faker) * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}

/** Splits `total` into `parts` positive integers proportional to `weights` (exact sum, each ≥ `min`). */
export function apportion(total: number, weights: number[], min = 1): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const free = total - min * weights.length;
  if (free < 0) throw new Error(`cannot split ${total} into ${weights.length} parts of at least ${min}`);
  const raw = weights.map((w) => (w / sum) * free);
  const parts = raw.map((r) => min + Math.floor(r));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left -= 1) parts[byRemainder[k][1]] += 1;
  return parts;
}
