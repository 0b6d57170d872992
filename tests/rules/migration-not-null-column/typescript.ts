// bastion-fixture: src/migrations/1719300000000-AddRegionToOrders.ts
import { MigrationInterface, QueryRunner } from "typeorm";

export class AddRegionToOrders1719300000000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
// expect: migration-not-null-column
    await queryRunner.query(`ALTER TABLE "orders" ADD "region" character varying(8) NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "region"`);
  }
}
