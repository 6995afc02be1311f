import { Migration } from '@ledgerline/db-kit';

export class Migration20261130173446_initial extends Migration {

  override up(): void | Promise<void> {
    this.addSql(`create table \`applied_trade\` (\`transaction_id\` text not null primary key, \`portfolio_id\` text not null, \`type\` text not null, \`executed_at\` datetime not null, \`result\` json not null, \`applied_at\` datetime not null);`);
    this.addSql(`create index \`applied_trade_portfolio_id_index\` on \`applied_trade\` (\`portfolio_id\`);`);

    this.addSql(`create table \`instrument\` (\`symbol\` text not null primary key, \`name\` text not null, \`asset_class\` text check (\`asset_class\` in ('equity', 'etf', 'bond', 'cash')) not null, \`currency\` text not null, \`last_price\` text not null, \`price_updated_at\` datetime not null);`);
    this.addSql(`create index \`instrument_asset_class_index\` on \`instrument\` (\`asset_class\`);`);

    this.addSql(`create table \`portfolio\` (\`id\` text not null primary key, \`owner_id\` text not null, \`name\` text not null, \`base_currency\` text not null, \`description\` text null, \`cash\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create index \`portfolio_owner_id_created_at_id_index\` on \`portfolio\` (\`owner_id\`, \`created_at\`, \`id\`);`);

    this.addSql(`create table \`holding\` (\`id\` text not null primary key, \`portfolio_id\` text not null, \`symbol\` text not null, \`quantity\` text not null, \`average_cost\` text not null, \`realized_pnl\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, constraint \`holding_portfolio_id_foreign\` foreign key (\`portfolio_id\`) references \`portfolio\` (\`id\`));`);
    this.addSql(`create index \`holding_portfolio_id_index\` on \`holding\` (\`portfolio_id\`);`);
    this.addSql(`create unique index \`holding_portfolio_id_symbol_unique\` on \`holding\` (\`portfolio_id\`, \`symbol\`);`);
  }

}
