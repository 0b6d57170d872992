// bastion-fixture: src/migrations/1717232400000-Orders.ts
import { MigrationInterface, QueryRunner } from "typeorm";

export class Orders1717232400000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" ADD "region" text`);
// expect: migration-backfill-with-ddl
    await queryRunner.query(`UPDATE "orders" SET "region" = 'eu'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {}
}
