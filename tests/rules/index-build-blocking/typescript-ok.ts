// bastion-fixture: src/migrations/1718900000000-IndexShipmentsTracking.ts
// ok: index-build-blocking
import { MigrationInterface, QueryRunner } from "typeorm";

export class IndexShipmentsTracking1718900000000 implements MigrationInterface {
  // CREATE INDEX CONCURRENTLY cannot run inside a transaction block.
  transaction = false;

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX CONCURRENTLY IF NOT EXISTS "IDX_shipments_tracking" ON "shipments" ("tracking_number")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX CONCURRENTLY IF EXISTS "IDX_shipments_tracking"`);
  }
}
