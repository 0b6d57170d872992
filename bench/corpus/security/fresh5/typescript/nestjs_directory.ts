import { BadRequestException, Controller, Get, Injectable, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Client, SearchOptions } from 'ldapts';
import { DOMParser } from '@xmldom/xmldom';
import * as xpath from 'xpath';
import { execFile } from 'child_process';
import { promisify } from 'util';

const execFileAsync = promisify(execFile);

function escapeLdapFilter(value: string): string {
  return value.replace(/[\\*()\0]/g, (c) => '\\' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

@Injectable()
export class DirectoryService {
  private readonly client = new Client({ url: process.env.LDAP_URL ?? 'ldaps://ldap.internal:636' });
  private readonly baseDn = 'ou=people,dc=example,dc=com';

  async findByUid(uid: string) {
    const opts: SearchOptions = { scope: 'sub', filter: `(&(objectClass=person)(uid=${uid}))`, attributes: ['cn', 'mail'] }; // vuln: CWE-90
    const { searchEntries } = await this.client.search(this.baseDn, opts);
    return searchEntries;
  }

  async findByMail(mail: string) {
    const filter = `(&(objectClass=person)(mail=${escapeLdapFilter(mail)}))`; // safe: CWE-90
    const { searchEntries } = await this.client.search(this.baseDn, { scope: 'sub', filter, attributes: ['cn', 'uid'] });
    return searchEntries;
  }

  async resolveHost(host: string) {
    const { stdout } = await execFileAsync('sh', ['-c', `dig +short ${host}`]); // vuln: CWE-78
    return stdout.trim().split('\n');
  }
}

@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('people/:uid')
  person(@Param('uid') uid: string) {
    return this.directory.findByUid(uid);
  }

  @Get('people')
  byMail(@Query('mail') mail: string) {
    return this.directory.findByMail(mail);
  }

  @Get('hosts/:host')
  host(@Param('host') host: string) {
    return this.directory.resolveHost(host);
  }

  @Post('org-chart/lookup')
  @UseInterceptors(FileInterceptor('chart'))
  lookup(@UploadedFile() file: Express.Multer.File, @Query('name') name: string, @Query('dept') dept: string) {
    if (!file) throw new BadRequestException('chart required');
    const doc = new DOMParser().parseFromString(file.buffer.toString('utf8'), 'text/xml');
    const managers = xpath.select(`//employee[@dept='${dept}']/manager/text()`, doc as any) as Node[]; // vuln: CWE-643
    const self = xpath.parse('//employee[@name=$name]/@title').select({ node: doc as any, variables: { name } }); // safe: CWE-643
    return { managers: managers.map((m) => m.nodeValue), title: self.map((n: any) => n.value) };
  }
}
