/** A controllable clock for tests: `now()` is what services receive as their `clock`. */
export interface TestClock {
  now: () => Date;
  set(date: Date | string): void;
  advance(ms: number): void;
}

/** Where every test clock starts unless told otherwise (and the time a template seed is written at). */
export const TEST_CLOCK_START = '2026-06-01T12:00:00.000Z';

export function createTestClock(start: Date | string = TEST_CLOCK_START): TestClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (date) => {
      current = new Date(date).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
