// bastion-fixture: src/customers/customers.module.ts
import { Controller, Get, Injectable, Param, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';

@Injectable()
export class CustomersService {
  constructor(private readonly dataSource: DataSource) {}

  async byTag(accountId: number, tag: string): Promise<unknown[]> {
    const sql = `SELECT id FROM customers WHERE account_id = ${accountId} AND '${tag}' = ANY(tags)`;
// expect: sql-injection
    return this.dataSource.query(sql);
  }

  async search(term: string) {
    const qb = this.dataSource.createQueryBuilder();
// expect: sql-injection
    qb.andWhere(`(customer.email ILIKE '%${term}%')`);
    return qb.getMany();
  }
}

@Controller('customers')
export class CustomersController {
  constructor(private readonly service: CustomersService) {}

  @Get('tagged/:tag')
  tagged(@Param('tag') tag: string) {
    return this.service.byTag(1, tag);
  }

  @Get('search')
  find(@Query('q') q: string) {
    return this.service.search(q);
  }
}
