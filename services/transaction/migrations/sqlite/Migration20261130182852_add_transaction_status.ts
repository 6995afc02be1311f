import { Migration } from '@ledgerline/db-kit';

export class Migration20261130182852_add_transaction_status extends Migration {

  // Every row written before this migration is a trade the portfolio service had already applied (the old code
  // stored a transaction only after the apply succeeded): it is completed, sent once, settled when it was stored.
  override up(): void | Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`transaction__temp_alter\` (\`id\` text not null primary key, \`user_id\` text not null, \`portfolio_id\` text not null, \`idempotency_key\` text not null, \`request_hash\` text not null, \`type\` text check (\`type\` in ('buy', 'sell', 'deposit', 'withdrawal', 'dividend', 'fee')) not null, \`symbol\` text null, \`quantity\` text null, \`price\` text null, \`amount\` text null, \`fees\` text not null, \`executed_at\` datetime not null, \`created_at\` datetime not null, \`status\` text check (\`status\` in ('pending', 'completed', 'rejected')) not null default 'completed', \`result\` json null, \`rejection\` json null, \`attempts\` integer not null default 0, \`next_attempt_at\` datetime null, \`settled_at\` datetime null);`);
    this.addSql(`insert into \`transaction__temp_alter\` select \`id\`, \`user_id\`, \`portfolio_id\`, \`idempotency_key\`, \`request_hash\`, \`type\`, \`symbol\`, \`quantity\`, \`price\`, \`amount\`, \`fees\`, \`executed_at\`, \`created_at\`, 'completed' as \`status\`, \`result\`, null as \`rejection\`, 1 as \`attempts\`, null as \`next_attempt_at\`, \`created_at\` as \`settled_at\` from \`transaction\`;`);
    this.addSql(`drop table \`transaction\`;`);
    this.addSql(`alter table \`transaction__temp_alter\` rename to \`transaction\`;`);
    this.addSql(`create index \`transaction_user_executed_id_idx\` on \`transaction\` (\`user_id\`, \`executed_at\`, \`id\`);`);
    this.addSql(`create index \`transaction_user_portfolio_executed_id_idx\` on \`transaction\` (\`user_id\`, \`portfolio_id\`, \`executed_at\`, \`id\`);`);
    this.addSql(`create index \`transaction_status_next_attempt_idx\` on \`transaction\` (\`status\`, \`next_attempt_at\`);`);
    this.addSql(`create unique index \`transaction_user_idempotency_key_unique\` on \`transaction\` (\`user_id\`, \`idempotency_key\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`pragma foreign_keys = off;`);
    this.addSql(`create table \`transaction__temp_alter\` (\`id\` TEXT not null primary key, \`user_id\` TEXT not null, \`portfolio_id\` TEXT not null, \`idempotency_key\` TEXT not null, \`request_hash\` TEXT not null, \`type\` TEXT check (\`type\` in ('buy', 'sell', 'deposit', 'withdrawal', 'dividend', 'fee')) not null, \`symbol\` TEXT null, \`quantity\` TEXT null, \`price\` TEXT null, \`amount\` TEXT null, \`fees\` TEXT not null, \`executed_at\` datetime not null, \`created_at\` datetime not null, \`result\` json not null);`);
    this.addSql(`insert into \`transaction__temp_alter\` select \`id\`, \`user_id\`, \`portfolio_id\`, \`idempotency_key\`, \`request_hash\`, \`type\`, \`symbol\`, \`quantity\`, \`price\`, \`amount\`, \`fees\`, \`executed_at\`, \`created_at\`, \`result\` from \`transaction\`;`);
    this.addSql(`drop table \`transaction\`;`);
    this.addSql(`alter table \`transaction__temp_alter\` rename to \`transaction\`;`);
    this.addSql(`create index \`transaction_user_portfolio_executed_id_idx\` on \`transaction\` (\`user_id\`, \`portfolio_id\`, \`executed_at\`, \`id\`);`);
    this.addSql(`create unique index \`transaction_user_idempotency_key_unique\` on \`transaction\` (\`user_id\`, \`idempotency_key\`);`);
    this.addSql(`create index \`transaction_user_executed_id_idx\` on \`transaction\` (\`user_id\`, \`executed_at\`, \`id\`);`);
    this.addSql(`pragma foreign_keys = on;`);
  }

}
