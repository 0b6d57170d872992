// bastion-fixture: src/tickets/tickets.service.ts
// bastion-repo: entity.repo.ts
import { Injectable } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { Repository } from "typeorm";
import { Ticket } from "./ticket.entity";

@Injectable()
export class TicketsService {
  constructor(@InjectRepository(Ticket) private readonly tickets: Repository<Ticket>) {}

  assignedTo(agentId: number): Promise<Ticket[]> {
// expect: query-on-unindexed-column
    return this.tickets.find({ where: { assigneeId: agentId }, order: { createdAt: "DESC" } });
  }
}
