// bastion-fixture: src/audit/audit.service.ts
// bastion-repo: entity.repo.ts
import { Injectable } from "@nestjs/common";
import { DataSource } from "typeorm";

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  eventsOn(day: string) {
    return this.dataSource.query(
// expect: function-predicate-without-index
      "SELECT id, actor_id, action FROM audit_events WHERE date(created_at) = $1 ORDER BY created_at",
      [day],
    );
  }
}
