import {
  BadRequestException,
  Controller,
  Get,
  Injectable,
  Logger,
  Post,
  Query,
  Req,
  UploadedFile,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { InjectRepository } from '@nestjs/typeorm';
import { AuthGuard } from '@nestjs/passport';
import { DataSource, Repository } from 'typeorm';
import * as libxml from 'libxmljs2';
import { Request } from 'express';
import { Document } from './document.entity';

interface AuthedRequest extends Request {
  user: { id: number; email: string };
}

@Injectable()
export class DocumentsService {
  private readonly logger = new Logger(DocumentsService.name);

  constructor(
    @InjectRepository(Document) private readonly docs: Repository<Document>,
    private readonly dataSource: DataSource,
  ) {}

  listForOwner(ownerId: number, tag?: string): Promise<Document[]> {
    const qb = this.docs.createQueryBuilder('doc').where('doc.ownerId = :ownerId', { ownerId }); // safe: CWE-89
    if (tag) {
      qb.andWhere('doc.tag = :tag', { tag });
    }
    return qb.orderBy('doc.updatedAt', 'DESC').take(100).getMany();
  }

  search(ownerId: number, term: string): Promise<Array<{ id: number; title: string }>> {
    this.logger.log(`document search by user ${ownerId}: ${term}`); // vuln: CWE-117
    const pattern = `%${term.trim()}%`;
    return this.dataSource.query(`SELECT id, title FROM documents WHERE owner_id = ${ownerId} AND title ILIKE '${pattern}' ORDER BY updated_at DESC`); // vuln: CWE-89
  }

  async importManifest(ownerId: number, xml: string): Promise<Document[]> {
    const doc = libxml.parseXml(xml, { noent: false, dtdload: false, nonet: true }); // safe: CWE-611
    return this.saveEntries(ownerId, doc);
  }

  async importLegacyExport(ownerId: number, xml: string): Promise<Document[]> {
    // exports from the old desktop client declare shared boilerplate as entities
    const doc = libxml.parseXml(xml, { noent: true, dtdload: true }); // vuln: CWE-611
    return this.saveEntries(ownerId, doc);
  }

  private async saveEntries(ownerId: number, doc: libxml.Document): Promise<Document[]> {
    const entries = doc.find('//document');
    if (entries.length === 0) {
      throw new BadRequestException('no <document> elements found');
    }
    const created = entries.map((node) =>
      this.docs.create({
        ownerId,
        title: (node as libxml.Element).get('title')?.text() ?? 'Untitled',
        body: (node as libxml.Element).get('body')?.text() ?? '',
        tag: (node as libxml.Element).attr('tag')?.value() ?? null,
      }),
    );
    return this.docs.save(created);
  }
}

@Controller('documents')
@UseGuards(AuthGuard('jwt'))
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  list(@Req() req: AuthedRequest, @Query('tag') tag?: string) {
    return this.documents.listForOwner(req.user.id, tag);
  }

  @Get('search')
  search(@Req() req: AuthedRequest, @Query('q') q: string) {
    if (!q || q.length < 2) {
      throw new BadRequestException('query too short');
    }
    return this.documents.search(req.user.id, q);
  }

  @Post('import')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 5 * 1024 * 1024 } }))
  import(@Req() req: AuthedRequest, @UploadedFile() file: Express.Multer.File, @Query('format') format = 'manifest') {
    const xml = file.buffer.toString('utf8');
    return format === 'legacy'
      ? this.documents.importLegacyExport(req.user.id, xml)
      : this.documents.importManifest(req.user.id, xml);
  }
}
