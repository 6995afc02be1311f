import { Migration } from '@ledgerline/db-kit';

export class Migration20261130184611_initial extends Migration {

  override up(): void | Promise<void> {
    this.addSql(`create table "applied_trade" ("transaction_id" varchar(255) not null, "portfolio_id" varchar(255) not null, "type" varchar(255) not null, "executed_at" timestamptz not null, "result" jsonb not null, "applied_at" timestamptz not null, primary key ("transaction_id"));`);
    this.addSql(`create index "applied_trade_portfolio_id_index" on "applied_trade" ("portfolio_id");`);

    this.addSql(`create table "instrument" ("symbol" varchar(255) not null, "name" varchar(255) not null, "asset_class" text not null, "currency" varchar(3) not null, "last_price" varchar(255) not null, "price_updated_at" timestamptz not null, primary key ("symbol"));`);
    this.addSql(`create index "instrument_asset_class_index" on "instrument" ("asset_class");`);
    this.addSql(`alter table "instrument" add constraint "instrument_asset_class_check" check ("asset_class" in ('equity', 'etf', 'bond', 'cash'));`);

    this.addSql(`create table "portfolio" ("id" varchar(255) not null, "owner_id" varchar(255) not null, "name" varchar(80) not null, "base_currency" varchar(3) not null, "description" varchar(500) null, "cash" varchar(255) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "portfolio_owner_id_created_at_id_index" on "portfolio" ("owner_id", "created_at", "id");`);

    this.addSql(`create table "holding" ("id" varchar(255) not null, "portfolio_id" varchar(255) not null, "symbol" varchar(255) not null, "quantity" varchar(255) not null, "average_cost" varchar(255) not null, "realized_pnl" varchar(255) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`alter table "holding" add constraint "holding_portfolio_id_symbol_unique" unique ("portfolio_id", "symbol");`);

    this.addSql(`alter table "holding" add constraint "holding_portfolio_id_foreign" foreign key ("portfolio_id") references "portfolio" ("id");`);
  }

}
