// bastion-fixture: src/mail/mail.controller.ts
// ok: template-injection
import { Body, Controller, Post } from '@nestjs/common';
import * as Handlebars from 'handlebars';

const WELCOME = Handlebars.compile('<h1>Welcome, {{name}}</h1><p>{{subject}}</p>');

interface PreviewDto {
  name: string;
  subject: string;
}

@Controller('mail')
export class MailController {
  @Post('preview')
  preview(@Body() dto: PreviewDto): string {
    return WELCOME({ name: dto.name, subject: dto.subject });
  }
}
