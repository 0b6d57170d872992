// bastion-fixture: src/calc/calc.controller.ts
import { Controller, Get, Query } from '@nestjs/common';
@Controller('calc')
export class CalcController {
  @Get()
  run(@Query('expr') expr: string): unknown {
    const code = 'return ' + expr;
// expect: code-injection
    return vm.runInNewContext(code, {});
  }
}
