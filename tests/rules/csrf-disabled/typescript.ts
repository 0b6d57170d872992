// bastion-fixture: src/main.ts
// A NestJS app on Express sessions with lusca's CSRF check turned off.
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import session from 'express-session';
import lusca from 'lusca';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create<NestExpressApplication>(AppModule);
  app.use(session({ secret: process.env.SESSION_SECRET as string, resave: false, saveUninitialized: false }));
// expect: csrf-disabled
  app.use(lusca({ csrf: false, xframe: 'SAMEORIGIN', hsts: { maxAge: 31536000 }, nosniff: true }));
  await app.listen(3000);
}
bootstrap();
