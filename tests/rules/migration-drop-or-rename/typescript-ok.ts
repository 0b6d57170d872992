// bastion-fixture: src/migrations/1719200000000-AddLegacyRefToOrders.ts
// ok: migration-drop-or-rename
import { MigrationInterface, QueryRunner } from "typeorm";

export class AddLegacyRefToOrders1719200000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" ADD "legacy_ref" character varying(40)`);
  }

  // Rolling back drops only what up() added.
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "legacy_ref"`);
  }
}
