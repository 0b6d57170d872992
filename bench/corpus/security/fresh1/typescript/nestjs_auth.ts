import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Request } from 'express';
import { User } from '../users/user.entity';
import { Invitation } from './invitation.entity';

interface TokenClaims {
  sub: number;
  email: string;
  roles: string[];
}

@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Invitation) private readonly invitations: Repository<Invitation>,
    private readonly jwt: JwtService,
  ) {}

  private hashPassword(password: string, salt: string): string {
    return createHash('sha1').update(`${salt}:${password}`).digest('hex'); // vuln: CWE-328
  }

  async register(email: string, password: string): Promise<User> {
    const salt = randomBytes(16).toString('hex');
    const user = this.users.create({ email: email.toLowerCase(), salt, passwordHash: this.hashPassword(password, salt), roles: ['member'] });
    return this.users.save(user);
  }

  async login(email: string, password: string): Promise<{ accessToken: string }> {
    const user = await this.users.findOne({ where: { email: email.toLowerCase() } });
    if (!user) {
      throw new UnauthorizedException();
    }
    const expected = Buffer.from(user.passwordHash, 'hex');
    const actual = Buffer.from(this.hashPassword(password, user.salt), 'hex');
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
      throw new UnauthorizedException();
    }
    const claims: TokenClaims = { sub: user.id, email: user.email, roles: user.roles };
    return { accessToken: await this.jwt.signAsync(claims) };
  }

  async createInvitation(teamId: number, invitedBy: number): Promise<{ code: string; link: string }> {
    const shortCode = Math.random().toString(36).substring(2, 8).toUpperCase(); // vuln: CWE-330
    const token = randomBytes(24).toString('base64url'); // safe: CWE-330
    const tokenHash = createHash('sha256').update(token).digest('hex'); // safe: CWE-328
    await this.invitations.save({ teamId, invitedBy, shortCode, tokenHash, expiresAt: new Date(Date.now() + 7 * 86400000) });
    return { code: shortCode, link: `https://app.example.com/join?token=${token}` };
  }

  async redeemByCode(shortCode: string, userId: number): Promise<boolean> {
    const invitation = await this.invitations.findOne({ where: { shortCode: shortCode.toUpperCase() } });
    if (!invitation || invitation.expiresAt < new Date()) {
      return false;
    }
    await this.invitations.update(invitation.id, { redeemedBy: userId, redeemedAt: new Date() });
    return true;
  }
}

@Injectable()
export class ServiceAccountGuard implements CanActivate {
  constructor(private readonly jwt: JwtService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { user?: TokenClaims }>();
    const header = request.headers['x-service-token'];
    if (typeof header !== 'string' || header.length === 0) {
      throw new UnauthorizedException('missing service token');
    }
    const claims = this.jwt.decode(header) as TokenClaims | null; // vuln: CWE-347
    if (!claims || !claims.roles?.includes('service')) {
      throw new UnauthorizedException('not a service account');
    }
    request.user = claims;
    return true;
  }
}

@Injectable()
export class JwtGuard implements CanActivate {
  constructor(private readonly jwt: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { user?: TokenClaims }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new UnauthorizedException();
    }
    try {
      request.user = await this.jwt.verifyAsync<TokenClaims>(token, { algorithms: ['HS256'] }); // safe: CWE-347
    } catch {
      throw new UnauthorizedException();
    }
    return true;
  }
}
