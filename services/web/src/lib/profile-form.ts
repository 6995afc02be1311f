import type { Goal, RiskTolerance, UpdateMeRequest, User } from '@ledgerline/api-schemas';

export const GOAL_LABELS: Record<Goal, string> = {
  retirement: 'Retirement',
  education: 'Education',
  home_purchase: 'Home purchase',
  wealth_growth: 'Wealth growth',
  income: 'Income',
  capital_preservation: 'Capital preservation',
  emergency_fund: 'Emergency fund',
  other: 'Other',
};
export const RISK_LABELS: Record<RiskTolerance, string> = { conservative: 'Conservative', moderate: 'Moderate', aggressive: 'Aggressive' };

/** What the profile form edits: the full name and the investment profile (the horizon as typed). */
export interface ProfileDraft {
  fullName: string;
  riskTolerance: RiskTolerance;
  horizon: string;
  goals: Goal[];
}

/** The horizon as the API wants it: an integer when the text is one, else the text (so the server explains). */
export function horizonValue(text: string): number | string {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : text;
}

/** The form's starting values for a user. */
export function profileDraft(user: User): ProfileDraft {
  const { riskTolerance, horizonYears, goals } = user.investmentProfile;
  return { fullName: user.fullName, riskTolerance, horizon: String(horizonYears), goals: [...goals] };
}

/**
 * The PATCH /auth/me body for what the user changed, or null when nothing changed. Only changed parts are
 * sent; goals are sent in the API's order (`order`) so re-ticking the same goals is no change.
 */
export function profileChanges(user: User, draft: ProfileDraft, order: readonly Goal[]): UpdateMeRequest | null {
  const body: { fullName?: string; investmentProfile?: Record<string, unknown> } = {};
  if (draft.fullName.trim() !== user.fullName) body.fullName = draft.fullName.trim();
  const current = user.investmentProfile;
  const profile: Record<string, unknown> = {};
  if (draft.riskTolerance !== current.riskTolerance) profile.riskTolerance = draft.riskTolerance;
  const horizon = horizonValue(draft.horizon);
  if (horizon !== current.horizonYears) profile.horizonYears = horizon;
  const goals = order.filter((goal) => draft.goals.includes(goal));
  if (goals.join(',') !== order.filter((goal) => current.goals.includes(goal)).join(',')) profile.goals = goals;
  if (Object.keys(profile).length) body.investmentProfile = profile;
  return Object.keys(body).length ? (body as UpdateMeRequest) : null;
}
