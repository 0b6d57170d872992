// bastion-fixture: src/migrations/1717232400000-Orders.ts
import { MigrationInterface, QueryRunner } from "typeorm";

export class Orders1717232400000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
// expect: migration-drop-or-rename
    await queryRunner.query(`ALTER TABLE "orders" DROP COLUMN "legacy_ref"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {}
}
