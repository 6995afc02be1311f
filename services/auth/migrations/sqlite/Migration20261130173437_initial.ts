import { Migration } from '@ledgerline/db-kit';

export class Migration20261130173437_initial extends Migration {

  override up(): void | Promise<void> {
    this.addSql(`create table \`user\` (\`id\` text not null primary key, \`email\` text not null, \`password_hash\` text not null, \`full_name\` text not null, \`role\` text check (\`role\` in ('user', 'admin')) not null default 'user', \`active\` integer not null default true, \`risk_tolerance\` text check (\`risk_tolerance\` in ('conservative', 'moderate', 'aggressive')) not null, \`horizon_years\` integer not null, \`goals\` json not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`deactivated_at\` datetime null);`);
    this.addSql(`create unique index \`user_email_unique\` on \`user\` (\`email\`);`);

    this.addSql(`create table \`session\` (\`id\` text not null primary key, \`user_id\` text not null, \`created_at\` datetime not null, \`revoked_at\` datetime null, \`revoked_reason\` text null, constraint \`session_user_id_foreign\` foreign key (\`user_id\`) references \`user\` (\`id\`));`);
    this.addSql(`create index \`session_user_id_index\` on \`session\` (\`user_id\`);`);

    this.addSql(`create table \`refresh_token\` (\`id\` text not null primary key, \`token_hash\` text not null, \`session_id\` text not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, \`used_at\` datetime null, constraint \`refresh_token_session_id_foreign\` foreign key (\`session_id\`) references \`session\` (\`id\`));`);
    this.addSql(`create unique index \`refresh_token_token_hash_unique\` on \`refresh_token\` (\`token_hash\`);`);
    this.addSql(`create index \`refresh_token_session_id_index\` on \`refresh_token\` (\`session_id\`);`);
  }

}
