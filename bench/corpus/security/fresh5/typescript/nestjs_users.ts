import { Body, Controller, Get, Injectable, NotFoundException, Param, ParseIntPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Response } from 'express';
import { join } from 'path';
import { User } from './user.entity';

const REPORT_DIR = '/var/app/reports';

interface UpdateProfileDto {
  displayName?: string;
  bio?: string;
  avatarUrl?: string;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly dataSource: DataSource,
  ) {}

  async search(term: string, sort: string): Promise<User[]> {
    const orderBy = sort ? `ORDER BY ${sort}` : '';
    return this.dataSource.query(`SELECT id, email, display_name FROM users WHERE display_name ILIKE '%' || $1 || '%' ${orderBy}`, [term]); // vuln: CWE-89
  }

  async byEmail(email: string): Promise<User[]> {
    return this.dataSource.query('SELECT id, email, display_name FROM users WHERE email = $1', [email]); // safe: CWE-89
  }

  async update(id: number, patch: Record<string, unknown>): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundException();
    Object.assign(user, patch); // vuln: CWE-915
    return this.users.save(user);
  }

  async updateProfile(id: number, dto: UpdateProfileDto): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundException();
    const { displayName, bio, avatarUrl } = dto;
    this.users.merge(user, { displayName, bio, avatarUrl }); // safe: CWE-915
    return this.users.save(user);
  }
}

@Controller('users')
export class UsersController {
  constructor(private readonly service: UsersService) {}

  @Get()
  search(@Query('q') q = '', @Query('sort') sort = '') {
    return this.service.search(q, sort);
  }

  @Get('by-email')
  byEmail(@Query('email') email: string) {
    return this.service.byEmail(email);
  }

  @Patch(':id')
  update(@Param('id', ParseIntPipe) id: number, @Body() body: Record<string, unknown>) {
    return this.service.update(id, body);
  }

  @Post(':id/profile')
  updateProfile(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateProfileDto) {
    return this.service.updateProfile(id, dto);
  }

  @Get('reports/:file')
  downloadReport(@Param('file') file: string, @Res() res: Response) {
    res.sendFile(join(REPORT_DIR, file)); // vuln: CWE-22
  }
}
