// bastion-fixture: server/auth/service-token.guard.ts
import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Request } from 'express';

@Injectable()
export class ServiceTokenGuard implements CanActivate {
  constructor(private readonly jwt: JwtService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const header = request.headers['x-service-token'];
    if (typeof header !== 'string') {
      throw new UnauthorizedException();
    }
// expect: jwt-verification-disabled
    const claims = this.jwt.decode(header) as { roles?: string[] } | null;
    return Boolean(claims?.roles?.includes('service'));
  }
}
