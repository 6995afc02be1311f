import { Migration } from '@ledgerline/db-kit';

export class Migration20261130173616_history_by_portfolio_index extends Migration {

  override up(): void | Promise<void> {
    this.addSql(`drop index \`transaction_user_portfolio_idx\`;`);
    this.addSql(`create index \`transaction_user_portfolio_executed_id_idx\` on \`transaction\` (\`user_id\`, \`portfolio_id\`, \`executed_at\`, \`id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`transaction_user_portfolio_executed_id_idx\`;`);
    this.addSql(`create index \`transaction_user_portfolio_idx\` on \`transaction\` (\`user_id\`, \`portfolio_id\`);`);
  }

}
