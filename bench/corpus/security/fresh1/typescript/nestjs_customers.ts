import { Body, Controller, Get, Injectable, NotFoundException, Param, ParseIntPipe, Patch, Query, UseGuards } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Customer } from './customer.entity';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { CurrentUser, AuthUser } from '../auth/current-user.decorator';

export interface CustomerListQuery {
  search?: string;
  country?: string;
  sort?: string;
  direction?: string;
  page?: string;
}

const SORT_COLUMNS: Record<string, string> = {
  name: 'customer.lastName',
  created: 'customer.createdAt',
  revenue: 'customer.lifetimeValue',
};

@Injectable()
export class CustomersService {
  constructor(
    @InjectRepository(Customer) private readonly customers: Repository<Customer>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(accountId: number, query: CustomerListQuery): Promise<Customer[]> {
    const page = Math.max(1, Number(query.page) || 1);
    const sortColumn = SORT_COLUMNS[query.sort ?? 'created'] ?? SORT_COLUMNS.created;
    const direction = query.direction === 'asc' ? 'ASC' : 'DESC';
    const qb = this.customers
      .createQueryBuilder('customer')
      .where('customer.accountId = :accountId', { accountId });
    if (query.search) {
      qb.andWhere(`(customer.email ILIKE '%${query.search}%' OR customer.lastName ILIKE '%${query.search}%')`); // vuln: CWE-89
    }
    if (query.country) {
      qb.andWhere('customer.country = :country', { country: query.country });
    }
    qb.orderBy(sortColumn, direction); // safe: CWE-89
    return qb.skip((page - 1) * 50).take(50).getMany();
  }

  async topSpenders(accountId: number, since: string, limit: number): Promise<unknown[]> {
    return this.dataSource.query('SELECT c.id, c.email, SUM(o.total_cents) AS spent FROM customers c JOIN orders o ON o.customer_id = c.id WHERE c.account_id = $1 AND o.created_at >= $2 GROUP BY c.id ORDER BY spent DESC LIMIT $3', [accountId, since, limit]); // safe: CWE-89
  }

  async byTag(accountId: number, tag: string): Promise<unknown[]> {
    const sql = `SELECT id, email, first_name, last_name FROM customers WHERE account_id = ${accountId} AND '${tag}' = ANY(tags)`;
    return this.dataSource.query(sql); // vuln: CWE-89
  }

  async update(accountId: number, id: number, changes: Record<string, unknown>): Promise<Customer> {
    const customer = await this.customers.findOne({ where: { id, accountId } });
    if (!customer) {
      throw new NotFoundException();
    }
    this.customers.merge(customer, changes); // vuln: CWE-915
    return this.customers.save(customer);
  }
}

@Controller('customers')
@UseGuards(JwtAuthGuard)
export class CustomersController {
  constructor(private readonly service: CustomersService) {}

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: CustomerListQuery) {
    return this.service.list(user.accountId, query);
  }

  @Get('top')
  top(@CurrentUser() user: AuthUser, @Query('since') since = '2020-01-01', @Query('limit', ParseIntPipe) limit = 10) {
    return this.service.topSpenders(user.accountId, since, Math.min(limit, 100));
  }

  @Get('tagged/:tag')
  tagged(@CurrentUser() user: AuthUser, @Param('tag') tag: string) {
    return this.service.byTag(user.accountId, tag);
  }

  @Patch(':id')
  update(@CurrentUser() user: AuthUser, @Param('id', ParseIntPipe) id: number, @Body() body: Record<string, unknown>) {
    return this.service.update(user.accountId, id, body);
  }
}
