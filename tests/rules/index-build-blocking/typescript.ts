// bastion-fixture: src/migrations/1717232400000-Orders.ts
import { MigrationInterface, QueryRunner } from "typeorm";

export class Orders1717232400000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
// expect: index-build-blocking
    await queryRunner.query(`CREATE INDEX "IDX_ref" ON "orders" ("ref")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {}
}
