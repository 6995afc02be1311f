import { GOALS, RISK_TOLERANCES, type Goal, type RiskTolerance } from '@ledgerline/api-schemas';
import { fieldError } from '../lib/form-errors.ts';
import { GOAL_LABELS, RISK_LABELS } from '../lib/profile-form.ts';
import { checkedOf, html, valueOf, type View } from './html.ts';
import { Field } from './ui.ts';

export interface InvestmentProfileFieldsProps {
  /** Test id prefix: `register` or `profile` (→ `register-risk`, `profile-goal-income`, …). */
  testid: string;
  risk: RiskTolerance;
  horizon: string;
  goals: Goal[];
  errors: Record<string, string>;
  onRisk: (risk: RiskTolerance) => void;
  onHorizon: (horizon: string) => void;
  onGoals: (goals: Goal[]) => void;
}

/** Risk tolerance, horizon and goals, with the server's errors next to each (register and profile screens). */
export function InvestmentProfileFields(props: InvestmentProfileFieldsProps): View {
  const toggle = (goal: Goal, on: boolean) => props.onGoals(on ? [...props.goals.filter((g) => g !== goal), goal] : props.goals.filter((g) => g !== goal));
  const goalsError = fieldError(props.errors, 'investmentProfile.goals');
  return html`
    <div class="row">
      <${Field} label="Risk tolerance" field="investmentProfile.riskTolerance" errors=${props.errors}>
        <select data-testid=${`${props.testid}-risk`} value=${props.risk} onChange=${(e: Event) => props.onRisk(valueOf(e) as RiskTolerance)}>
          ${RISK_TOLERANCES.map((value) => html`<option key=${value} value=${value}>${RISK_LABELS[value]}</option>`)}
        </select>
      <//>
      <${Field} label="Investment horizon (years)" field="investmentProfile.horizonYears" errors=${props.errors}>
        <input type="number" min="1" max="50" step="1" inputmode="numeric" data-testid=${`${props.testid}-horizon`} value=${props.horizon} onInput=${(e: Event) => props.onHorizon(valueOf(e))} />
      <//>
    </div>
    <fieldset class=${`field goals${goalsError ? ' has-error' : ''}`}>
      <legend class="field-label">Goals (choose at least one)</legend>
      <div class="checkbox-grid">
        ${GOALS.map((goal) => html`
          <label key=${goal} class="checkbox">
            <input type="checkbox" data-testid=${`${props.testid}-goal-${goal}`} checked=${props.goals.includes(goal)} onChange=${(e: Event) => toggle(goal, checkedOf(e))} />
            ${GOAL_LABELS[goal]}
          </label>
        `)}
      </div>
      ${goalsError && html`<p class="field-error" data-testid="field-error-investmentProfile.goals">${goalsError}</p>`}
    </fieldset>
  `;
}
