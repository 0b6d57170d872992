import { Body, Controller, Get, NotFoundException, Param, ParseIntPipe, Patch, Post, Query, Res } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { createHash } from 'crypto';
import { Response } from 'express';
import { User } from './user.entity';

interface UpdateProfileDto {
  displayName?: string;
  locale?: string;
  timezone?: string;
  [key: string]: unknown;
}

const PROFILE_FIELDS = ['displayName', 'locale', 'timezone'] as const;

function pickProfileFields(input: UpdateProfileDto): Partial<User> {
  const out: Partial<User> = {};
  for (const field of PROFILE_FIELDS) {
    if (typeof input[field] === 'string') {
      (out as Record<string, unknown>)[field] = input[field];
    }
  }
  return out;
}

@Controller('users')
export class UsersController {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Get('search')
  async search(@Query('q') q: string, @Query('team') team?: string) {
    let sql = `SELECT id, email, display_name FROM users WHERE email LIKE '%${q}%'`;
    if (team) {
      sql += ` AND team_slug = '${team}'`;
    }
    return this.dataSource.query(sql); // vuln: CWE-89
  }

  @Get('by-email')
  async byEmail(@Query('email') email: string) {
    const user = await this.users
      .createQueryBuilder('u')
      .where('u.email = :email', { email }) // safe: CWE-89
      .getOne();
    if (!user) throw new NotFoundException();
    return user;
  }

  @Post()
  async register(@Body() body: { email: string; password: string; displayName: string }) {
    const user = this.users.create({
      email: body.email,
      displayName: body.displayName,
      passwordHash: createHash('md5').update(body.password).digest('hex'), // vuln: CWE-328
    });
    await this.users.save(user);
    return { id: user.id };
  }

  @Patch(':id')
  async update(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateProfileDto) {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundException();
    Object.assign(user, body); // vuln: CWE-915
    return this.users.save(user);
  }

  @Patch(':id/profile')
  async updateProfile(@Param('id', ParseIntPipe) id: number, @Body() body: UpdateProfileDto) {
    const user = await this.users.findOneBy({ id });
    if (!user) throw new NotFoundException();
    const patch = pickProfileFields(body);
    Object.assign(user, patch); // safe: CWE-915
    return this.users.save(user);
  }

  @Get(':id/avatar')
  async avatar(@Param('id', ParseIntPipe) id: number, @Res() res: Response) {
    const user = await this.users.findOneBy({ id });
    if (!user || !user.avatar) throw new NotFoundException();
    const etag = createHash('sha256').update(user.avatar).digest('base64url'); // safe: CWE-328
    res.setHeader('ETag', `"${etag}"`);
    res.type('image/png').send(user.avatar);
  }
}
