import { ApiError } from '../api/api-error.ts';
import { useState } from 'preact/hooks';
import type { Portfolio } from '@ledgerline/api-schemas';
import { errorMessage } from '../lib/messages.ts';
import { useApp } from './context.ts';
import { html, valueOf, type View } from './html.ts';
import { Alert, Field, Notice } from './ui.ts';
import { useSubmission } from './use-submission.ts';

/**
 * Rename (PATCH /portfolios/:id) and delete (DELETE /portfolios/:id). A portfolio that still holds positions
 * or cash is refused with the server's reason; the user may then delete it anyway (?force=true).
 */
export function PortfolioSettings({ portfolio, onRenamed }: { portfolio: Portfolio; onRenamed: (portfolio: Portfolio) => void }): View {
  const { client, navigate } = useApp();
  const [name, setName] = useState(portfolio.name);
  const { fieldErrors, error: renameError, done: renamed, busy: renaming, submit } = useSubmission(['name']);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [notEmpty, setNotEmpty] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const busy = renaming || deleting;

  const rename = (event: Event) => {
    event.preventDefault();
    void submit(async () => {
      const updated = await client.updatePortfolio(portfolio.id, { name: name.trim() });
      onRenamed(updated);
      return `Renamed to “${updated.name}”.`;
    }, (): Record<string, string> => (name.trim() ? {} : { name: 'Give the portfolio a name.' }));
  };

  const remove = async (force: boolean) => {
    if (busy) return;
    setDeleteError(null);
    setDeleting(true);
    try {
      await client.deletePortfolio(portfolio.id, { force });
      navigate('/portfolios');
    } catch (failure) {
      setNotEmpty(failure instanceof ApiError && failure.code === 'portfolio_not_empty');
      setDeleteError(errorMessage(failure));
      setDeleting(false);
    }
  };

  return html`
    <section class="card" aria-labelledby="settings-heading" data-testid="portfolio-settings">
      <h2 id="settings-heading">Settings</h2>
      <div class="settings">
        <form class="form" onSubmit=${rename} novalidate>
          <${Field} label="Portfolio name" field="name" errors=${fieldErrors}>
            <input type="text" maxlength="100" data-testid="portfolio-rename-name" value=${name} onInput=${(e: Event) => setName(valueOf(e))} />
          <//>
          ${renameError && html`<${Alert} testid="portfolio-rename-error">${renameError}<//>`}
          ${renamed && html`<${Notice} testid="portfolio-rename-success" kind="success">${renamed}<//>`}
          <button type="submit" class="button secondary" data-testid="portfolio-rename-submit" disabled=${busy}>Rename</button>
        </form>
        <div class="form">
          <p class="muted">Deleting a portfolio removes it with its holdings. One that still holds positions or cash is only deleted when you confirm.</p>
          ${deleteError && html`<${Alert} testid="portfolio-delete-error">${deleteError}<//>`}
          ${notEmpty
            ? html`<button type="button" class="button danger" data-testid="portfolio-delete-force" onClick=${() => remove(true)} disabled=${busy}>Delete anyway, discarding its positions and cash</button>`
            : html`<button type="button" class="button danger" data-testid="portfolio-delete" onClick=${() => remove(false)} disabled=${busy}>Delete portfolio</button>`}
        </div>
      </div>
    </section>
  `;
}
