// bastion-fixture: src/migrations/1719100000000-AddOrderTotalV2.ts
// ok: migration-column-type-change
import { MigrationInterface, QueryRunner } from "typeorm";

// Step one of moving "total" to numeric(14,2): a new column the code writes to both,
// backfilled in batches later; no row of the table is rewritten here.
export class AddOrderTotalV21719100000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" ADD "total_v2" numeric(14,2)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "total_v2"`);
  }
}
