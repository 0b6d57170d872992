// bastion-fixture: src/migrations/1717232400000-Orders.ts
// ok: migration-constraint-validating
import { MigrationInterface, QueryRunner } from "typeorm";

export class Orders1717232400000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "orders" ADD CONSTRAINT "FK_user" FOREIGN KEY ("userId") REFERENCES "user"("id") NOT VALID`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {}
}
