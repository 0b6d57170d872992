import { Body, Controller, Injectable, Module, Post, UnauthorizedException } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { JwtModule, JwtService } from '@nestjs/jwt';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import * as crypto from 'crypto';
import session from 'express-session';
import cookieParser from 'cookie-parser';
import lusca from 'lusca';
import { Account } from './account.entity';
import { AppModule } from './app.module';

const SERVICE_TOKEN_SECRET = 'svc-7f3a9c2e41b84d0e9a6b5c1d2e3f4a5b'; // vuln: CWE-798

class LoginDto {
  email!: string;
  password!: string;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    private readonly jwt: JwtService,
  ) {}

  legacyHash(password: string): string {
    return crypto.pbkdf2Sync(password, 'acme-portal-salt', 100_000, 64, 'sha512').toString('hex'); // vuln: CWE-760
  }

  hashPassword(password: string): string {
    const salt = crypto.randomBytes(16);
    const derived = crypto.pbkdf2Sync(password, salt, 310_000, 32, 'sha256'); // safe: CWE-760
    return `pbkdf2$310000$${salt.toString('hex')}$${derived.toString('hex')}`;
  }

  verifyPassword(password: string, stored: string): boolean {
    if (!stored.startsWith('pbkdf2$')) {
      return crypto.timingSafeEqual(Buffer.from(this.legacyHash(password), 'hex'), Buffer.from(stored, 'hex'));
    }
    const [, iterations, saltHex, hashHex] = stored.split('$');
    const expected = Buffer.from(hashHex, 'hex');
    const actual = crypto.pbkdf2Sync(password, Buffer.from(saltHex, 'hex'), Number(iterations), expected.length, 'sha256');
    return crypto.timingSafeEqual(actual, expected);
  }

  async login(dto: LoginDto): Promise<{ accessToken: string }> {
    const account = await this.accounts.findOneBy({ email: dto.email.toLowerCase() });
    if (!account || !this.verifyPassword(dto.password, account.passwordHash)) {
      throw new UnauthorizedException();
    }
    if (!account.passwordHash.startsWith('pbkdf2$')) {
      await this.accounts.update(account.id, { passwordHash: this.hashPassword(dto.password) });
    }
    return { accessToken: await this.jwt.signAsync({ sub: account.id, role: account.role }) };
  }

  issueServiceToken(service: string): string {
    return this.jwt.sign({ sub: service, scope: 'internal' }, { secret: SERVICE_TOKEN_SECRET, expiresIn: '5m' });
  }
}

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  login(@Body() dto: LoginDto) {
    return this.auth.login(dto);
  }
}

@Module({
  imports: [
    ConfigModule,
    TypeOrmModule.forFeature([Account]),
    JwtModule.registerAsync({
      imports: [ConfigModule],
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        secret: config.getOrThrow<string>('JWT_ACCESS_SECRET'), // safe: CWE-798
        signOptions: { expiresIn: '15m', issuer: 'acme-api' },
      }),
    }),
  ],
  providers: [AuthService],
  controllers: [AuthController],
  exports: [AuthService],
})
export class AuthModule {}

export async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule);
  const config = app.get(ConfigService);
  app.set('trust proxy', 1);
  app.use(cookieParser());
  app.use(
    session({
      secret: config.getOrThrow<string>('SESSION_SECRET'),
      name: 'acme.sid',
      resave: false,
      saveUninitialized: false,
      cookie: { secure: true, httpOnly: true, sameSite: 'lax', maxAge: 12 * 3600 * 1000 }, // safe: CWE-614
    }),
  );
  app.use(lusca({ csrf: false, xframe: 'SAMEORIGIN', hsts: { maxAge: 31536000 }, nosniff: true })); // vuln: CWE-352
  app.setGlobalPrefix('api');
  await app.listen(config.get<number>('PORT') ?? 3000);
}
