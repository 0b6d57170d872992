import {
  ArgumentsHost,
  Body,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  HttpException,
  Injectable,
  NotFoundException,
  Param,
  ParseIntPipe,
  Patch,
  Post,
  Query,
  UseFilters,
} from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Column, Entity, PrimaryGeneratedColumn, Repository } from 'typeorm';
import { Response } from 'express';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn() id: number;
  @Column() email: string;
  @Column() displayName: string;
  @Column({ default: 'member' }) role: string;
  @Column({ default: false }) isAdmin: boolean;
  @Column({ nullable: true }) teamId: number;
}

export class UpdateProfileDto {
  displayName?: string;
  email?: string;
}

@Catch()
export class VerboseErrorFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost) {
    const res = host.switchToHttp().getResponse<Response>();
    const err = exception as Error;
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    res.status(status).json({ message: err.message, stack: err.stack }); // vuln: CWE-209
  }
}

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly repo: Repository<User>) {}

  async searchByTeam(team: string, nameLike: string) {
    const sql = `SELECT id, email, "displayName" FROM users WHERE "teamId" = ${team} AND "displayName" ILIKE $1`;
    return this.repo.query(sql, [`%${nameLike}%`]); // vuln: CWE-89
  }

  async findByEmail(email: string) {
    return this.repo
      .createQueryBuilder('u')
      .where('LOWER(u.email) = LOWER(:email)', { email }) // safe: CWE-89
      .getOne();
  }

  async updateProfile(id: number, dto: UpdateProfileDto) {
    const user = await this.repo.findOneBy({ id });
    if (!user) throw new NotFoundException();
    const { displayName, email } = dto;
    this.repo.merge(user, { displayName, email }); // safe: CWE-915
    return this.repo.save(user);
  }

  async importUser(payload: Record<string, unknown>) {
    const user = this.repo.create(payload as Partial<User>); // vuln: CWE-915
    return this.repo.save(user);
  }
}

@Controller('users')
@UseFilters(VerboseErrorFilter)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('search')
  search(@Query('team') team: string, @Query('q') q = '') {
    return this.users.searchByTeam(team, q);
  }

  @Get('by-email')
  byEmail(@Query('email') email: string) {
    return this.users.findByEmail(email);
  }

  @Patch(':id/profile')
  update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateProfileDto) {
    return this.users.updateProfile(id, dto);
  }

  @Post('import')
  import(@Body() body: Record<string, unknown>) {
    return this.users.importUser(body);
  }
}
