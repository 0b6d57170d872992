import Koa, { Context } from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import ldap, { SearchEntry, SearchOptions } from 'ldapjs';
import { DOMParser } from '@xmldom/xmldom';
import * as xpath from 'xpath';
import { promises as fs, createReadStream } from 'fs';
import os from 'os';
import path from 'path';

const BASE_DN = process.env.LDAP_BASE_DN ?? 'ou=people,dc=acme,dc=internal';
const ORG_CHART_PATH = process.env.ORG_CHART_PATH ?? '/srv/directory/orgchart.xml';

const client = ldap.createClient({ url: process.env.LDAP_URL ?? 'ldaps://ldap.acme.internal:636' });
client.bind(process.env.LDAP_BIND_DN ?? '', process.env.LDAP_BIND_PASSWORD ?? '', (err) => {
  if (err) console.error('ldap bind failed', err.message);
});

function escapeLdapFilter(value: string): string {
  return value.replace(/[\\*()\0]/g, (c) => '\\' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

function search(options: SearchOptions): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    client.search(BASE_DN, options, (err, res) => {
      if (err) return reject(err);
      const found: Record<string, unknown>[] = [];
      res.on('searchEntry', (entry: SearchEntry) => found.push(entry.pojo as unknown as Record<string, unknown>));
      res.on('error', reject);
      res.on('end', () => resolve(found));
    });
  });
}

async function loadOrgChart(): Promise<Document> {
  const xml = await fs.readFile(ORG_CHART_PATH, 'utf8');
  return new DOMParser().parseFromString(xml, 'text/xml') as unknown as Document;
}

function toCsv(people: Record<string, unknown>[]): string {
  const cols = ['uid', 'cn', 'mail', 'telephoneNumber'];
  return [cols.join(','), ...people.map((p) => cols.map((c) => JSON.stringify(p[c] ?? '')).join(','))].join('\n');
}

const router = new Router({ prefix: '/directory' });

router.get('/people', async (ctx: Context) => {
  const q = String(ctx.query.q ?? '').trim();
  if (q.length < 2) {
    ctx.throw(400, 'q must have at least two characters');
  }
  const people = await search({ scope: 'sub', filter: `(&(objectClass=inetOrgPerson)(|(cn=*${escapeLdapFilter(q)}*)(mail=${escapeLdapFilter(q)}*)))`, sizeLimit: 50 }); // safe: CWE-90
  ctx.body = people;
});

router.get('/people/by-team', async (ctx: Context) => {
  const team = ctx.query.team as string;
  const people = await search({ scope: 'sub', filter: `(&(objectClass=inetOrgPerson)(departmentNumber=${team}))`, attributes: ['uid', 'cn', 'mail'] }); // vuln: CWE-90
  ctx.body = people;
});

router.get('/orgchart/reports', async (ctx: Context) => {
  const manager = String(ctx.query.manager ?? '');
  const doc = await loadOrgChart();
  const nodes = xpath.select(`//employee[@manager='${manager}']/@uid`, doc as unknown as Node) as Attr[]; // vuln: CWE-643
  ctx.body = nodes.map((n) => n.value);
});

router.get('/export', async (ctx: Context) => {
  const userId = ctx.state.user?.id ?? 'anon';
  const people = await search({ scope: 'sub', filter: '(objectClass=inetOrgPerson)', attributes: ['uid', 'cn', 'mail', 'telephoneNumber'] });
  const tmpFile = path.join(os.tmpdir(), `directory-export-${userId}.csv`); // vuln: CWE-377
  await fs.writeFile(tmpFile, toCsv(people), 'utf8');
  ctx.attachment('directory.csv');
  ctx.body = createReadStream(tmpFile);
});

router.post('/vcards', bodyParser(), async (ctx: Context) => {
  const { uids } = ctx.request.body as { uids: string[] };
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'vcards-')); // safe: CWE-377
  try {
    const files: string[] = [];
    for (const [i, uid] of uids.slice(0, 200).entries()) {
      const [person] = await search({ scope: 'sub', filter: `(uid=${escapeLdapFilter(String(uid))})` });
      if (!person) continue;
      const file = path.join(workDir, `${i}.vcf`);
      await fs.writeFile(file, `BEGIN:VCARD\nVERSION:3.0\nFN:${person.cn}\nEMAIL:${person.mail}\nEND:VCARD\n`);
      files.push(file);
    }
    const cards = await Promise.all(files.map((f) => fs.readFile(f, 'utf8')));
    ctx.type = 'text/vcard';
    ctx.body = cards.join('');
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
});

const app = new Koa();
app.use(router.routes()).use(router.allowedMethods());
export default app;
