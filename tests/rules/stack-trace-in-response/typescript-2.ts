// bastion-fixture: src/common/api-exception.filter.ts
// The error answer is an object spread over lines, and one entry is the stack.
import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import { Request, Response } from 'express';

@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const request = host.switchToHttp().getRequest<Request>();
    const err = exception instanceof Error ? exception : new Error(String(exception));
    this.logger.error(`unhandled error on ${request.method}`, err.stack);
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({
      path: request.url,
      message: err.message,
// expect: stack-trace-in-response
      trace: err.stack,
    });
  }
}
