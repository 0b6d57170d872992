import { Body, Controller, Get, Injectable, Module, NotFoundException, Post, Query, Req, UnauthorizedException } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import session from 'express-session';
import lusca from 'lusca';
import ldap, { Client, SearchEntry } from 'ldapjs';
import { Request } from 'express';

const LDAP_URL = process.env.LDAP_URL ?? 'ldaps://ldap.corp.example.com:636';
const BASE_DN = 'ou=people,dc=corp,dc=example,dc=com';
const BIND_DN = 'cn=svc-portal,ou=services,dc=corp,dc=example,dc=com';
const BIND_PASSWORD = 'Portal#Bind2024!'; // vuln: CWE-798

export class LoginDto {
  username!: string;
  password!: string;
}

function escapeFilterValue(value: string): string {
  return value.replace(/[\\*()\0]/g, (c) => '\\' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

@Injectable()
export class DirectoryService {
  private client(): Client {
    return ldap.createClient({ url: LDAP_URL, timeout: 5000, connectTimeout: 5000 });
  }

  private search(filter: string, attributes: string[]): Promise<Record<string, unknown>[]> {
    const client = this.client();
    return new Promise((resolve, reject) => {
      client.bind(BIND_DN, BIND_PASSWORD, (bindErr) => {
        if (bindErr) return reject(bindErr);
        const results: Record<string, unknown>[] = [];
        client.search(BASE_DN, { scope: 'sub', filter, attributes, sizeLimit: 50 }, (err, res) => {
          if (err) return reject(err);
          res.on('searchEntry', (entry: SearchEntry) => results.push(entry.pojo as unknown as Record<string, unknown>));
          res.on('error', reject);
          res.on('end', () => {
            client.unbind();
            resolve(results);
          });
        });
      });
    });
  }

  findPeople(department: string, name: string) {
    const filter = `(&(objectClass=person)(department=${department})(cn=*${name}*))`;
    return this.search(filter, ['cn', 'mail', 'title']); // vuln: CWE-90
  }

  findByUid(uid: string) {
    const filter = `(&(objectClass=person)(uid=${escapeFilterValue(uid)}))`;
    return this.search(filter, ['dn', 'cn', 'mail', 'memberOf']); // safe: CWE-90
  }
}

@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('people')
  people(@Query('dept') dept = 'engineering', @Query('name') name = '') {
    return this.directory.findPeople(dept, name);
  }

  @Post('login')
  async login(@Body() dto: LoginDto, @Req() req: Request) {
    const [entry] = await this.directory.findByUid(String(dto.username));
    if (!entry) throw new UnauthorizedException();
    (req.session as any).uid = dto.username;
    return { ok: true };
  }

  @Get('me')
  async me(@Req() req: Request) {
    const uid = (req.session as any).uid;
    if (!uid) throw new UnauthorizedException();
    const [entry] = await this.directory.findByUid(uid);
    if (!entry) throw new NotFoundException();
    return entry;
  }
}

@Module({ controllers: [DirectoryController], providers: [DirectoryService] })
export class DirectoryModule {}

async function bootstrap() {
  const app = await NestFactory.create<NestExpressApplication>(DirectoryModule);
  app.set('trust proxy', 1);
  app.use(
    session({
      name: 'portal.sid',
      secret: process.env.SESSION_SECRET as string,
      resave: false,
      saveUninitialized: false,
      cookie: { secure: true, httpOnly: true, sameSite: 'lax', maxAge: 8 * 3600 * 1000 }, // safe: CWE-614
    }),
  );
  app.use(lusca({ csrf: false, xframe: 'SAMEORIGIN', hsts: { maxAge: 31536000 }, nosniff: true })); // vuln: CWE-352
  await app.listen(Number(process.env.PORT) || 3000);
}

bootstrap();
