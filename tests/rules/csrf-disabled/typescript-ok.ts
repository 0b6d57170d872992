// bastion-fixture: src/main.ts
// ok: csrf-disabled
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import session from 'express-session';
import lusca from 'lusca';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create<NestExpressApplication>(AppModule);
  app.use(session({ secret: process.env.SESSION_SECRET as string, resave: false, saveUninitialized: false }));
  app.use(lusca({ csrf: true, xframe: 'SAMEORIGIN', nosniff: true }));
  await app.listen(3000);
}
bootstrap();
