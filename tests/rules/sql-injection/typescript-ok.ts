// bastion-fixture: src/db/tags.ts
// ok: sql-injection
export async function tagged(sequelize: any, Tag: any, id: number) {
  const table = Tag.getTableName();
  return sequelize.query(`SELECT * FROM ${table} WHERE id = ?`, { replacements: [id] });
}
export async function rotate(db: any, day: string) {
  await db.raw(`CREATE TABLE IF NOT EXISTS events_${day} (LIKE events)`);
}
export function byName(db: any, name: string) {
  return db.query('SELECT id FROM users WHERE name = ' + name);
}
