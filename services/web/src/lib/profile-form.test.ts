import test from 'ava';
import { GOALS, type User } from '@ledgerline/api-schemas';
import { horizonValue, profileChanges, profileDraft } from './profile-form.ts';

const user: User = {
  id: 'u1', email: 'ada@example.com', fullName: 'Ada Lovelace', role: 'user', active: true,
  investmentProfile: { riskTolerance: 'moderate', horizonYears: 10, goals: ['retirement', 'income'] },
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
};

test('an untouched form changes nothing', (t) => {
  t.is(profileChanges(user, profileDraft(user), GOALS), null);
});

test('only the changed parts are sent, the name trimmed', (t) => {
  t.deepEqual(profileChanges(user, { ...profileDraft(user), fullName: '  Ada King ' }, GOALS), { fullName: 'Ada King' });
  t.deepEqual(profileChanges(user, { ...profileDraft(user), riskTolerance: 'aggressive', horizon: '25' }, GOALS), {
    investmentProfile: { riskTolerance: 'aggressive', horizonYears: 25 },
  });
});

test('goals are compared and sent in the API order, whatever order they were ticked in', (t) => {
  t.is(profileChanges(user, { ...profileDraft(user), goals: ['income', 'retirement'] }, GOALS), null);
  t.deepEqual(profileChanges(user, { ...profileDraft(user), goals: ['income', 'education'] }, GOALS), { investmentProfile: { goals: ['education', 'income'] } });
  t.deepEqual(profileChanges(user, { ...profileDraft(user), goals: [] }, GOALS), { investmentProfile: { goals: [] } }, 'an empty list is sent: the server explains');
});

test('a horizon that is not a whole number is sent as typed, so the server names the field', (t) => {
  t.is(horizonValue(' 12 '), 12);
  t.is(horizonValue('twelve'), 'twelve');
  t.deepEqual(profileChanges(user, { ...profileDraft(user), horizon: '1.5' }, GOALS), { investmentProfile: { horizonYears: '1.5' } });
});
