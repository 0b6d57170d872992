// bastion-fixture: src/migrations/1719000000000-AddSeenAtToOrders.ts
// ok: migration-column-rewrite
import { MigrationInterface, QueryRunner } from "typeorm";

export class AddSeenAtToOrders1719000000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" ADD "first_seen_at" TIMESTAMP WITH TIME ZONE DEFAULT now()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "first_seen_at"`);
  }
}
