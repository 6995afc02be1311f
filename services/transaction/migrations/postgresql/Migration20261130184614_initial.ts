import { Migration } from '@ledgerline/db-kit';

export class Migration20261130184614_initial extends Migration {

  override up(): void | Promise<void> {
    this.addSql(`create table "transaction" ("id" varchar(255) not null, "user_id" varchar(255) not null, "portfolio_id" varchar(255) not null, "idempotency_key" varchar(255) not null, "request_hash" varchar(255) not null, "type" text not null, "symbol" varchar(255) null, "quantity" varchar(255) null, "price" varchar(255) null, "amount" varchar(255) null, "fees" varchar(255) not null, "executed_at" timestamptz not null, "created_at" timestamptz not null, "status" text not null default 'completed', "result" jsonb null, "rejection" jsonb null, "attempts" int not null default 0, "next_attempt_at" timestamptz null, "settled_at" timestamptz null, primary key ("id"));`);
    this.addSql(`create index "transaction_user_executed_id_idx" on "transaction" ("user_id", "executed_at", "id");`);
    this.addSql(`create index "transaction_user_portfolio_executed_id_idx" on "transaction" ("user_id", "portfolio_id", "executed_at", "id");`);
    this.addSql(`create index "transaction_status_next_attempt_idx" on "transaction" ("status", "next_attempt_at");`);
    this.addSql(`alter table "transaction" add constraint "transaction_user_idempotency_key_unique" unique ("user_id", "idempotency_key");`);
    this.addSql(`alter table "transaction" add constraint "transaction_type_check" check ("type" in ('buy', 'sell', 'deposit', 'withdrawal', 'dividend', 'fee'));`);
    this.addSql(`alter table "transaction" add constraint "transaction_status_check" check ("status" in ('pending', 'completed', 'rejected'));`);
  }

}
