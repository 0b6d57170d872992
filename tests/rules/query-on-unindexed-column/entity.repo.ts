// bastion-fixture: src/tickets/ticket.entity.ts
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

@Entity({ name: "tickets" })
export class Ticket {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ name: "requester_id" })
  requesterId: number;

  @Column({ name: "assignee_id", nullable: true })
  assigneeId: number | null;

  @Column()
  subject: string;

  @CreateDateColumn({ name: "created_at" })
  createdAt: Date;
}
