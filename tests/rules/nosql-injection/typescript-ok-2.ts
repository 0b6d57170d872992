// bastion-fixture: src/users/users.service.ts
import { Body, Controller, Param, Post } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from './user.entity';

@Controller('users')
export class UsersController {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  // TypeORM binds the value as an SQL parameter: an operator object changes nothing.
  @Post('lookup')
  async lookup(@Body() body: { email: string }) {
// ok: nosql-injection
    return this.users.findOne({ where: { email: body.email } });
  }
}
