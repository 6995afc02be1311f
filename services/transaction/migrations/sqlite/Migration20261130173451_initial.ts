import { Migration } from '@ledgerline/db-kit';

export class Migration20261130173451_initial extends Migration {

  override up(): void | Promise<void> {
    this.addSql(`create table \`transaction\` (\`id\` text not null primary key, \`user_id\` text not null, \`portfolio_id\` text not null, \`idempotency_key\` text not null, \`request_hash\` text not null, \`type\` text check (\`type\` in ('buy', 'sell', 'deposit', 'withdrawal', 'dividend', 'fee')) not null, \`symbol\` text null, \`quantity\` text null, \`price\` text null, \`amount\` text null, \`fees\` text not null, \`executed_at\` datetime not null, \`created_at\` datetime not null, \`result\` json not null);`);
    this.addSql(`create index \`transaction_user_executed_id_idx\` on \`transaction\` (\`user_id\`, \`executed_at\`, \`id\`);`);
    this.addSql(`create index \`transaction_user_portfolio_idx\` on \`transaction\` (\`user_id\`, \`portfolio_id\`);`);
    this.addSql(`create unique index \`transaction_user_idempotency_key_unique\` on \`transaction\` (\`user_id\`, \`idempotency_key\`);`);
  }

}
