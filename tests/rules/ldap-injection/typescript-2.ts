// bastion-fixture: src/routes/staff.ts
// ldapts: the query's e-mail spliced into the filter of a search options object.
import Router from '@koa/router';
import { Context } from 'koa';
import { Client } from 'ldapts';

const directory = new Client({ url: process.env.LDAP_URL ?? 'ldaps://ldap.internal' });
const PEOPLE_BASE = 'ou=people,dc=example,dc=org';
export const router = new Router();

router.get('/staff/owner', async (ctx: Context) => {
  const email = String(ctx.query.email ?? '');
  const filter = `(&(objectClass=inetOrgPerson)(mail=${email}))`;
// expect: ldap-injection
  const { searchEntries } = await directory.search(PEOPLE_BASE, { scope: 'sub', filter });
  ctx.body = { people: searchEntries };
});
