import Koa, { Context } from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import mongoose, { Schema } from 'mongoose';
import nunjucks from 'nunjucks';
import { Client } from 'ldapts';

const ProductSchema = new Schema({
  tenantId: { type: String, index: true },
  sku: String,
  name: String,
  price: Number,
  tags: [String],
});
const Product = mongoose.model('Product', ProductSchema);

const views = nunjucks.configure('views', { autoescape: true });
const directory = new Client({ url: process.env.LDAP_URL ?? 'ldaps://ldap.internal:636' });
const PEOPLE_BASE = 'ou=staff,dc=internal,dc=example';

const router = new Router();

router.post('/products/search', async (ctx: Context) => {
  const body = ctx.request.body as { criteria?: Record<string, unknown>; limit?: number };
  const filter: Record<string, unknown> = {
    tenantId: ctx.state.tenantId,
    ...body.criteria,
  };
  const limit = Math.min(Number(body.limit) || 20, 100);
  const items = await Product.find(filter).limit(limit).lean(); // vuln: CWE-943
  ctx.body = { items };
});

router.get('/products/by-sku', async (ctx: Context) => {
  const sku = String(ctx.query.sku ?? '');
  const item = await Product.findOne({ tenantId: ctx.state.tenantId, sku }).lean(); // safe: CWE-943
  if (!item) {
    ctx.status = 404;
    return;
  }
  ctx.body = item;
});

router.get('/products/no-results', async (ctx: Context) => {
  const q = (ctx.query.q as string) ?? '';
  ctx.type = 'html';
  ctx.body = `<section class="empty"><p>No products matched <em>${q}</em>.</p></section>`; // vuln: CWE-79
});

router.get('/products/results', async (ctx: Context) => {
  const q = String(ctx.query.q ?? '');
  const items = await Product.find({ tenantId: ctx.state.tenantId, $text: { $search: q } }).limit(50).lean();
  ctx.type = 'html';
  ctx.body = views.render('search/results.njk', { q, items }); // safe: CWE-1336
});

router.get('/staff/owner', async (ctx: Context) => {
  const email = String(ctx.query.email ?? '');
  await directory.bind(process.env.LDAP_BIND_DN ?? '', process.env.LDAP_BIND_PASSWORD ?? '');
  try {
    const filter = `(&(objectClass=inetOrgPerson)(mail=${email}))`;
    const attributes = ['cn', 'mail', 'telephoneNumber'];
    const { searchEntries } = await directory.search(PEOPLE_BASE, { scope: 'sub', filter, attributes }); // vuln: CWE-90
    ctx.body = { people: searchEntries };
  } finally {
    await directory.unbind();
  }
});

const app = new Koa();
app.use(bodyParser());
app.use(async (ctx, next) => {
  ctx.state.tenantId = ctx.get('x-tenant-id') || 'default';
  await next();
});
app.use(router.routes());
app.use(router.allowedMethods());

mongoose.connect(process.env.MONGO_URL ?? 'mongodb://localhost/catalog').then(() => app.listen(3000));
