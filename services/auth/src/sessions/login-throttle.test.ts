import test from 'ava';
import { createTestClock } from '@ledgerline/test-kit';
import { LoginThrottle } from './login-throttle.ts';

test('locks after maxFailures within the window and unlocks when the oldest failure leaves it', (t) => {
  const clock = createTestClock('2026-01-01T00:00:00Z');
  const throttle = new LoginThrottle({ maxFailures: 3, windowMs: 60_000, now: clock.now });
  throttle.recordFailure('a');
  clock.advance(10_000);
  throttle.recordFailure('a');
  t.is(throttle.retryAfterSeconds('a'), 0);
  clock.advance(10_000);
  throttle.recordFailure('a');
  t.is(throttle.retryAfterSeconds('a'), 40, 'the first failure leaves the window at t=60 s');
  t.is(throttle.retryAfterSeconds('b'), 0, 'other keys are unaffected');
  clock.advance(40_001);
  t.is(throttle.retryAfterSeconds('a'), 0);
});

test('a success resets the count', (t) => {
  const clock = createTestClock();
  const throttle = new LoginThrottle({ maxFailures: 2, windowMs: 60_000, now: clock.now });
  throttle.recordFailure('a');
  throttle.reset('a');
  throttle.recordFailure('a');
  t.is(throttle.retryAfterSeconds('a'), 0);
});
