import { Body, Controller, Get, Post, Query, Req, Res, UnauthorizedException, Injectable, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import { JwtService } from '@nestjs/jwt';
import { Request, Response } from 'express';
import { Repository } from 'typeorm';
import * as crypto from 'crypto';
import * as bcrypt from 'bcrypt';
import * as fs from 'fs/promises';
import { spawn } from 'child_process';
import { Account } from './account.entity';
import { AppModule } from './app.module';

const PEPPER = 'n0t-so-secret-pepper'; // vuln: CWE-798

@Injectable()
export class AccountsService {
  private readonly logger = new Logger(AccountsService.name);

  constructor(@InjectRepository(Account) private readonly repo: Repository<Account>) {}

  async findByEmail(email: string) {
    return this.repo.query(`SELECT * FROM account WHERE email = '${email}' LIMIT 1`); // vuln: CWE-89
  }

  async findByEmailSafe(email: string) {
    return this.repo.findOne({ where: { email } }); // safe: CWE-89
  }

  async countByDomain(domain: string) {
    return this.repo.createQueryBuilder('a').where('a.email LIKE :d', { d: `%@${domain}` }).getCount(); // safe: CWE-89
  }

  async deleteByDomain(domain: string) {
    return this.repo.createQueryBuilder().delete().where(`email LIKE '%@${domain}'`).execute(); // vuln: CWE-89
  }

  hashPassword(password: string) {
    return crypto.createHash('sha1').update(password + PEPPER).digest('hex'); // vuln: CWE-328
  }

  async hashPasswordSafe(password: string) {
    return bcrypt.hash(password, 12); // safe: CWE-328
  }

  logLogin(email: string) {
    this.logger.log(`login for ${email}`); // vuln: CWE-117
  }
}

@Controller('auth')
export class AuthController {
  constructor(private readonly accounts: AccountsService, private readonly jwt: JwtService) {}

  @Post('login')
  async login(@Body('email') email: string, @Res({ passthrough: true }) res: Response) {
    const [account] = await this.accounts.findByEmail(email);
    if (!account) throw new UnauthorizedException();
    this.accounts.logLogin(email);
    res.cookie('refresh', crypto.randomBytes(32).toString('hex'), { httpOnly: false }); // vuln: CWE-1004
    return { token: this.jwt.sign({ sub: account.id }) };
  }

  @Post('login-safe')
  async loginSafe(@Body('email') email: string, @Res({ passthrough: true }) res: Response) {
    const account = await this.accounts.findByEmailSafe(email);
    if (!account) throw new UnauthorizedException();
    res.cookie('refresh', crypto.randomBytes(32).toString('hex'), { httpOnly: true, secure: true }); // safe: CWE-1004
    return { token: this.jwt.sign({ sub: account.id }) };
  }

  @Get('whoami')
  whoami(@Req() req: Request) {
    const token = String(req.headers.authorization).split(' ')[1];
    return this.jwt.decode(token); // vuln: CWE-347
  }

  @Get('whoami-verified')
  whoamiVerified(@Req() req: Request) {
    const token = String(req.headers.authorization).split(' ')[1];
    return this.jwt.verify(token); // safe: CWE-347
  }

  @Get('sso/callback')
  ssoCallback(@Query('relay') relay: string, @Res() res: Response) {
    return res.redirect(302, relay); // vuln: CWE-601
  }

  @Get('sso/callback-safe')
  ssoCallbackSafe(@Query('relay') relay: string, @Res() res: Response) {
    const allowed = ['/dashboard', '/settings'];
    return res.redirect(302, allowed.includes(relay) ? relay : '/dashboard'); // safe: CWE-601
  }

  @Get('avatar')
  async avatar(@Query('file') file: string, @Res() res: Response) {
    res.send(await fs.readFile('/srv/avatars/' + file)); // vuln: CWE-22
  }

  @Post('provision')
  provision(@Body('username') username: string) {
    spawn('/usr/sbin/useradd ' + username, { shell: true }); // vuln: CWE-78
    return { ok: true };
  }

  @Post('provision-safe')
  provisionSafe(@Body('username') username: string) {
    spawn('/usr/sbin/useradd', ['--', username]); // safe: CWE-78
    return { ok: true };
  }

  @Get('error')
  error(@Query('message') message: string, @Res() res: Response) {
    res.status(400).send(`<p class="error">${message}</p>`); // vuln: CWE-79
  }

  @Get('recovery-code')
  recoveryCode() {
    return { code: Math.random().toString().slice(2, 10) }; // vuln: CWE-330
  }

  @Get('recovery-code-safe')
  recoveryCodeSafe() {
    return { code: crypto.randomInt(0, 100_000_000).toString().padStart(8, '0') }; // safe: CWE-330
  }
}

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableCors({ origin: true, credentials: true }); // vuln: CWE-942
  await app.listen(3000);
}
bootstrap();
