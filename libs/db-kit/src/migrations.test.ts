import test from 'ava';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineEntity, p } from '@mikro-orm/core';
import { createMigration, migrationIndexSource } from './create-migration.ts';
import { describeDrift, Migration, openOrm, schemaDrift, type AnyEntitySchema, type ServiceMigrations } from './index.ts';

const Note = defineEntity({ name: 'Note', properties: { id: p.integer().primary(), text: p.string() } });
const NoteWithTitle = defineEntity({ name: 'Note', properties: { id: p.integer().primary(), text: p.string(), title: p.string().nullable() } });

class CreateNote extends Migration {
  override up(): void {
    this.addSql('create table `note` (`id` integer not null primary key autoincrement, `text` text not null);');
  }
}
class AddTitle extends Migration {
  override up(): void {
    this.addSql('alter table `note` add column `title` text null;');
  }
}
const INITIAL = 'Migration20260101000000_initial';
const TITLE = 'Migration20260102000000_add_title';

/** A migrations folder in the temp dir; `files` are migration files to place in `sqlite/` (the drift check lists them). */
function tempDir(t: { teardown(fn: () => void): void }, files: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledgerline-migrations-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'sqlite'));
  for (const name of files) writeFileSync(join(dir, 'sqlite', `${name}.ts`), '');
  return dir;
}

const notes = (dir: string, entities: AnyEntitySchema[] = [NoteWithTitle], sqlite = [{ name: INITIAL, class: CreateNote }, { name: TITLE, class: AddTitle }]): ServiceMigrations =>
  ({ service: 'notes', dir, entities, sqlite });

test('opening applies every pending migration once; reopening applies none and the data stays', async (t) => {
  const dir = tempDir(t);
  const applied: string[][] = [];
  const logger = { info: (data: object) => applied.push((data as { applied: string[] }).applied) };
  const dbName = join(dir, 'notes.sqlite');
  const first = await openOrm({ dbName, entities: [NoteWithTitle], migrations: notes(dir), logger });
  const em = first.em.fork();
  em.create(NoteWithTitle, { text: 'kept', title: 'across restarts' });
  await em.flush();
  await first.close(true);
  const second = await openOrm({ dbName, entities: [NoteWithTitle], migrations: notes(dir), logger });
  t.teardown(() => second.close(true));
  t.deepEqual(applied, [[INITIAL, TITLE]], 'the second open had nothing to apply');
  t.like(await second.em.fork().findOneOrFail(NoteWithTitle, { text: 'kept' }), { title: 'across restarts' });
});

test('migrateTo builds an older database; the next open upgrades it; an unknown name is refused', async (t) => {
  const dir = tempDir(t);
  const dbName = join(dir, 'notes.sqlite');
  const old = await openOrm({ dbName, entities: [Note], migrations: notes(dir), migrateTo: INITIAL });
  t.deepEqual((await old.migrator.getExecuted()).map((m) => m.name), [INITIAL]);
  await old.close(true);
  const upgraded = await openOrm({ dbName, entities: [NoteWithTitle], migrations: notes(dir) });
  t.teardown(() => upgraded.close(true));
  t.deepEqual((await upgraded.migrator.getExecuted()).map((m) => m.name), [INITIAL, TITLE]);
  await t.throwsAsync(openOrm({ dbName: join(dir, 'other.sqlite'), entities: [Note], migrations: notes(dir), migrateTo: 'Migration20990101000000_nope' }), { message: /notes has no migration named Migration20990101000000_nope/ });
});

test('the drift check names the service and the missing change, and passes once a migration adds it', async (t) => {
  const dir = tempDir(t, [INITIAL, TITLE]);
  const behind = notes(dir, [NoteWithTitle], [{ name: INITIAL, class: CreateNote }]);
  const message = describeDrift('notes', await schemaDrift(behind));
  t.regex(message ?? '', /^notes: the entities differ from the schema its migrations build/);
  t.regex(message ?? '', /alter table `note` add column `title` text null/);
  t.regex(message ?? '', /npx nx run notes:migration:create/);
  t.is(describeDrift('notes', await schemaDrift(notes(dir))), undefined);
  writeFileSync(join(dir, 'sqlite', 'Migration20260103000000_forgotten.ts'), '');
  t.regex(describeDrift('notes', await schemaDrift(notes(dir))) ?? '', /not in migrations\/sqlite\/index\.ts \(they would never run\): Migration20260103000000_forgotten/);
});

test('migration:create writes the initial migration, then only the difference, and lists both in the index', async (t) => {
  const dir = tempDir(t);
  const initial = await createMigration(notes(dir, [Note], []), {});
  t.regex(initial ?? '', /sqlite\/Migration\d{14}_initial\.ts$/);
  const initialSource = readFileSync(initial!, 'utf8');
  t.regex(initialSource, /^import \{ Migration \} from '@ledgerline\/db-kit';/);
  t.regex(initialSource, /create table \\`note\\`/);

  const later = await createMigration(notes(dir, [NoteWithTitle], [{ name: INITIAL, class: CreateNote }]), { name: 'add-title' });
  t.regex(later ?? '', /Migration\d{14}_add_title\.ts$/);
  t.regex(readFileSync(later!, 'utf8'), /this\.addSql\(`alter table \\`note\\` add column \\`title\\` text null;`\)/);
  t.is(await createMigration(notes(dir), {}), undefined, 'nothing to write when the entities match');
  const index = readFileSync(join(dir, 'sqlite/index.ts'), 'utf8');
  t.is(index, migrationIndexSource('notes', readdirSync(join(dir, 'sqlite'))));
  t.is(index.match(/\{ name: 'Migration\d{14}_(initial|add_title)', class: Migration\d{14}_\1 \}/g)?.length, 2);
});

const Owner = defineEntity({ name: 'Owner', properties: { id: p.integer().primary(), name: p.string() } });
const Pet = defineEntity({ name: 'Pet', properties: { id: p.integer().primary(), owner: () => p.manyToOne(Owner) } });
class OwnersAndPets extends Migration {
  override up(): void {
    this.addSql('create table `owner` (`id` integer not null primary key autoincrement, `name` text not null);');
    this.addSql('create table `pet` (`id` integer not null primary key autoincrement, `owner_id` integer not null, constraint `pet_owner_id_foreign` foreign key (`owner_id`) references `owner` (`id`));');
    this.addSql("insert into `owner` (`id`, `name`) values (1, 'Ada');");
    this.addSql('insert into `pet` (`id`, `owner_id`) values (1, 1);');
  }
}
/** SQLite alters a column by rebuilding the table: copy, drop the old one (which pets reference), rename. */
class RebuildOwner extends Migration {
  override up(): void {
    this.addSql('create table `owner_new` (`id` integer not null primary key autoincrement, `name` text not null);');
    this.addSql('insert into `owner_new` select * from `owner`;');
    this.addSql('drop table `owner`;');
    this.addSql('alter table `owner_new` rename to `owner`;');
  }
}
class OrphanPets extends Migration {
  override up(): void {
    this.addSql('delete from `owner`;');
  }
}

test('a migration may rebuild a referenced table (foreign keys are off while migrating); orphaned rows are refused', async (t) => {
  const dir = tempDir(t);
  const pets = (...later: Array<{ name: string; class: typeof RebuildOwner }>): ServiceMigrations =>
    ({ service: 'pets', dir, entities: [Owner, Pet], sqlite: [{ name: 'Migration20260101000000_initial', class: OwnersAndPets }, ...later] });
  const orm = await openOrm({ dbName: join(dir, 'pets.sqlite'), entities: [Owner, Pet], migrations: pets({ name: 'Migration20260102000000_rebuild', class: RebuildOwner }) });
  t.teardown(() => orm.close(true));
  t.deepEqual(await orm.em.getConnection().execute('select `pet`.`id`, `owner`.`name` from `pet` join `owner` on `owner`.`id` = `pet`.`owner_id`'), [{ id: 1, name: 'Ada' }]);
  t.deepEqual(await orm.em.getConnection().execute('pragma foreign_keys'), [{ foreign_keys: 1 }], 'on again once migrated');

  const orphaning = openOrm({ dbName: join(dir, 'orphans.sqlite'), entities: [Owner, Pet], migrations: pets({ name: 'Migration20260102000000_orphans', class: OrphanPets }) });
  await t.throwsAsync(orphaning, { message: /^pets: after the migrations, rows break foreign keys/ });
});
