// bastion-fixture: src/migrations/1717232400000-Orders.ts
import { MigrationInterface, QueryRunner } from "typeorm";

export class Orders1717232400000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
// expect: migration-column-type-change
    await queryRunner.query(`ALTER TABLE "orders" ALTER COLUMN "total" TYPE numeric(14,2)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {}
}
