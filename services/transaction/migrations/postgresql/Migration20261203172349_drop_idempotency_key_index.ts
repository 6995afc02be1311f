import { Migration } from '@ledgerline/db-kit';

export class Migration20261203172349_drop_idempotency_key_index extends Migration {

  override up(): void | Promise<void> {
    this.addSql(`alter table "transaction" drop constraint "transaction_user_idempotency_key_unique";`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "transaction" add constraint "transaction_user_idempotency_key_unique" unique ("user_id", "idempotency_key");`);
  }

}
