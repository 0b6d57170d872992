// bastion-fixture: src/migrations/1719000000000-AddPublicIdToOrders.ts
import { MigrationInterface, QueryRunner } from "typeorm";

export class AddPublicIdToOrders1719000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
// expect: migration-column-rewrite
    await queryRunner.query(`ALTER TABLE "orders" ADD "public_id" uuid NOT NULL DEFAULT gen_random_uuid()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "public_id"`);
  }
}
