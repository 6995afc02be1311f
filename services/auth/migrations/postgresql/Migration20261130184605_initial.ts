import { Migration } from '@ledgerline/db-kit';

export class Migration20261130184605_initial extends Migration {

  override up(): void | Promise<void> {
    this.addSql(`create table "user" ("id" varchar(255) not null, "email" varchar(255) not null, "password_hash" varchar(255) not null, "full_name" varchar(255) not null, "role" text not null default 'user', "active" boolean not null default true, "risk_tolerance" text not null, "horizon_years" int not null, "goals" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "deactivated_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "user" add constraint "user_email_unique" unique ("email");`);
    this.addSql(`alter table "user" add constraint "user_role_check" check ("role" in ('user', 'admin'));`);
    this.addSql(`alter table "user" add constraint "user_risk_tolerance_check" check ("risk_tolerance" in ('conservative', 'moderate', 'aggressive'));`);

    this.addSql(`create table "session" ("id" varchar(255) not null, "user_id" varchar(255) not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, "revoked_reason" varchar(255) null, primary key ("id"));`);
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);

    this.addSql(`create table "refresh_token" ("id" varchar(255) not null, "token_hash" varchar(255) not null, "session_id" varchar(255) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, primary key ("id"));`);
    this.addSql(`alter table "refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "refresh_token_session_id_index" on "refresh_token" ("session_id");`);

    this.addSql(`alter table "session" add constraint "session_user_id_foreign" foreign key ("user_id") references "user" ("id");`);

    this.addSql(`alter table "refresh_token" add constraint "refresh_token_session_id_foreign" foreign key ("session_id") references "session" ("id");`);
  }

}
