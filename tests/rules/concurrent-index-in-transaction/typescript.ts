// bastion-fixture: src/migrations/1718900000000-IndexShipmentsTracking.ts
import { MigrationInterface, QueryRunner } from "typeorm";

export class IndexShipmentsTracking1718900000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
// expect: concurrent-index-in-transaction
    await queryRunner.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_shipments_tracking" ON "shipments" ("tracking_number")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_shipments_tracking"`);
  }
}
