// bastion-fixture: src/tickets/tickets.service.ts
// bastion-repo: entity.repo.ts
// ok: query-on-unindexed-column
import { Injectable } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import { Repository } from "typeorm";
import { Ticket } from "./ticket.entity";

@Injectable()
export class TicketsService {
  constructor(@InjectRepository(Ticket) private readonly tickets: Repository<Ticket>) {}

  openedBy(userId: number): Promise<Ticket[]> {
    return this.tickets.find({ where: { requesterId: userId }, order: { createdAt: "DESC" } });
  }
}
