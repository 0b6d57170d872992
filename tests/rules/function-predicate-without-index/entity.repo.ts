// bastion-fixture: src/audit/audit-event.entity.ts
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

@Entity({ name: "audit_events" })
export class AuditEvent {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "actor_id" })
  actorId: string;

  @Column()
  action: string;

  @Index()
  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
