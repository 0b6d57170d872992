// bastion-fixture: src/migrations/1717232400000-Orders.ts
// ok: concurrent-index-in-transaction
import { MigrationInterface, QueryRunner } from "typeorm";

export class Orders1717232400000 implements MigrationInterface {
  transaction = false;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX CONCURRENTLY "IDX_ref" ON "orders" ("ref")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {}
}
