import { Migration } from '@ledgerline/db-kit';

export class Migration20261203172348_drop_idempotency_key_index extends Migration {

  override up(): void | Promise<void> {
    this.addSql(`drop index \`transaction_user_idempotency_key_unique\`;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`create unique index \`transaction_user_idempotency_key_unique\` on \`transaction\` (\`user_id\`, \`idempotency_key\`);`);
  }

}
