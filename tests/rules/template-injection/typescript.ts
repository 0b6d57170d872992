// bastion-fixture: src/mail/mail.controller.ts
import { Body, Controller, Post } from '@nestjs/common';
import * as Handlebars from 'handlebars';

interface PreviewDto {
  subject: string;
  source: string;
}

@Controller('mail')
export class MailController {
  @Post('preview')
  preview(@Body() dto: PreviewDto): string {
// expect: template-injection
    const render = Handlebars.compile(dto.source);
    return render({ name: 'Ada', subject: dto.subject });
  }
}
