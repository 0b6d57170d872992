import { Body, Controller, Get, Header, Param, Post, Query, Res, BadRequestException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { execSync, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';

const INVOICE_DIR = '/data/invoices';
const ALLOWED_PARTNERS: Record<string, string> = {
  acme: 'https://api.acme.example',
  globex: 'https://globex.example/api',
};

@Controller('invoices')
export class InvoicesController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly http: HttpService,
  ) {}

  @Get('search')
  async search(@Query('customer') customer: string) {
    return this.dataSource.query(`SELECT * FROM invoice WHERE customer_name LIKE '%${customer}%'`); // vuln: CWE-89
  }

  @Get('search-safe')
  async searchSafe(@Query('customer') customer: string) {
    return this.dataSource.query('SELECT * FROM invoice WHERE customer_name LIKE $1', [`%${customer}%`]); // safe: CWE-89
  }

  @Get('by-year/:year')
  async byYear(@Param('year') year: string) {
    const y = Number.parseInt(year, 10);
    if (Number.isNaN(y)) throw new BadRequestException();
    return this.dataSource.query(`SELECT * FROM invoice WHERE extract(year from issued_at) = ${y}`); // safe: CWE-89
  }

  @Get('qb')
  async viaQueryBuilder(@Query('status') status: string) {
    return this.dataSource
      .createQueryBuilder()
      .select('i')
      .from('invoice', 'i')
      .where(`i.status = '${status}'`) // vuln: CWE-89
      .getMany();
  }

  @Get('qb-safe')
  async viaQueryBuilderSafe(@Query('status') status: string) {
    return this.dataSource
      .createQueryBuilder()
      .select('i')
      .from('invoice', 'i')
      .where('i.status = :status', { status }) // safe: CWE-89
      .getMany();
  }

  @Post(':id/pdf')
  renderPdf(@Param('id') id: string, @Body('template') template: string) {
    execSync(`wkhtmltopdf templates/${template}.html ${INVOICE_DIR}/${id}.pdf`); // vuln: CWE-78
    return { ok: true };
  }

  @Post(':id/pdf-safe')
  renderPdfSafe(@Param('id') id: string, @Body('template') template: string) {
    execFileSync('wkhtmltopdf', [`templates/${path.basename(template)}.html`, `${INVOICE_DIR}/${id}.pdf`]); // safe: CWE-78
    return { ok: true };
  }

  @Get('download')
  download(@Query('file') file: string, @Res() res: Response) {
    const stream = fs.createReadStream(`${INVOICE_DIR}/${file}`); // vuln: CWE-22
    stream.pipe(res);
  }

  @Get('download-safe')
  downloadSafe(@Query('file') file: string, @Res() res: Response) {
    const full = path.resolve(INVOICE_DIR, file);
    if (!full.startsWith(INVOICE_DIR + path.sep)) throw new BadRequestException();
    fs.createReadStream(full).pipe(res); // safe: CWE-22
  }

  @Post('sync')
  async syncPartner(@Body('callback') callback: string) {
    const res = await firstValueFrom(this.http.get(callback)); // vuln: CWE-918
    return res.data;
  }

  @Post('sync-safe')
  async syncPartnerSafe(@Body('partner') partner: string) {
    const base = ALLOWED_PARTNERS[partner];
    if (!base) throw new BadRequestException();
    const res = await firstValueFrom(this.http.get(`${base}/invoices`)); // safe: CWE-918
    return res.data;
  }

  @Get('preview')
  @Header('Content-Type', 'text/html')
  preview(@Query('note') note: string, @Res() res: Response) {
    res.send(`<div class="note">${note}</div>`); // vuln: CWE-79
  }

  @Get('continue')
  continueTo(@Query('to') to: string, @Res() res: Response) {
    res.redirect(to); // vuln: CWE-601
  }
}
