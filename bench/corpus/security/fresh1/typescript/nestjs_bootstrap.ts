import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger, ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Request, Response } from 'express';
import session from 'express-session';
import connectRedis from 'connect-redis';
import { createClient } from 'redis';
import helmet from 'helmet';
import { AppModule } from './app.module';

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request>();

    if (exception instanceof HttpException) {
      response.status(exception.getStatus()).json({ path: request.url, error: exception.getResponse() });
      return;
    }

    const err = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error(`unhandled error on ${request.method} ${request.route?.path ?? 'unknown route'}`, err.stack);
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({
      path: request.url,
      message: err.message,
      trace: err.stack, // vuln: CWE-209
    });
  }
}

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  const config = app.get(ConfigService);

  const redisClient = createClient({ url: config.getOrThrow<string>('REDIS_URL') });
  await redisClient.connect();
  const RedisStore = connectRedis(session);

  app.set('trust proxy', 1);
  app.use(helmet());
  app.enableCors({
    origin: true, // vuln: CWE-942
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization', 'X-Requested-With'],
  });

  app.use(
    session({
      store: new RedisStore({ client: redisClient, prefix: 'sess:' }),
      name: 'portal.sid',
      secret: config.getOrThrow<string>('SESSION_SECRET'), // safe: CWE-798
      resave: false,
      saveUninitialized: false,
      cookie: {
        secure: false, // vuln: CWE-614
        httpOnly: true, // safe: CWE-1004
        sameSite: 'lax',
        maxAge: 8 * 60 * 60 * 1000,
      },
    }),
  );

  app.useGlobalPipes(new ValidationPipe({ whitelist: true, transform: true }));
  app.useGlobalFilters(new ApiExceptionFilter());
  app.setGlobalPrefix('api');

  const port = config.get<number>('PORT', 3000);
  await app.listen(port);
  Logger.log(`portal API listening on ${port}`, 'Bootstrap');
}

void bootstrap();
