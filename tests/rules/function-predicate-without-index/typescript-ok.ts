// bastion-fixture: src/audit/audit.service.ts
// bastion-repo: entity.repo.ts
// ok: function-predicate-without-index
import { Injectable } from "@nestjs/common";
import { DataSource } from "typeorm";

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  eventsOn(day: string) {
    return this.dataSource.query(
      "SELECT id, actor_id, action FROM audit_events WHERE created_at >= $1::date AND created_at < $1::date + 1 ORDER BY created_at",
      [day],
    );
  }
}
