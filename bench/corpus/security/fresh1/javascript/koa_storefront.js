'use strict';

const Koa = require('koa');
const Router = require('@koa/router');
const bodyParser = require('koa-bodyparser');
const ejs = require('ejs');
const escapeHtml = require('escape-html');
const { Products, Campaigns } = require('./models');

const app = new Koa();
const router = new Router();

const LAYOUT = `<!doctype html>
<html><head><meta charset="utf-8"><title><%= title %></title></head>
<body><main><%- body %></main></body></html>`;

function page(title, body) {
  return ejs.render(LAYOUT, { title, body });
}

function productCard(product) {
  return `<article class="card"><h2>${escapeHtml(product.name)}</h2><p>${escapeHtml(product.summary)}</p>` +
    `<span class="price">${(product.priceCents / 100).toFixed(2)} EUR</span></article>`;
}

router.get('/search', async (ctx) => {
  const term = (ctx.query.q || '').trim();
  const products = term ? await Products.search(term, { limit: 24 }) : [];
  let body = `<h1>Results for "${term}"</h1>`;
  if (products.length === 0) {
    body += '<p>No products matched your search.</p>';
  }
  body += products.map(productCard).join('\n');
  ctx.type = 'html';
  ctx.body = page('Search', body); // vuln: CWE-79
});

router.get('/category/:slug', async (ctx) => {
  const slug = ctx.params.slug;
  const products = await Products.findByCategory(slug, { limit: 48 });
  const heading = `<h1>Category: ${escapeHtml(slug)}</h1>`;
  ctx.type = 'html';
  ctx.body = page('Category', heading + products.map(productCard).join('\n')); // safe: CWE-79
});

router.post('/admin/campaigns/preview', async (ctx) => {
  const { subject, template, productIds } = ctx.request.body;
  const products = await Products.findAllByIds((productIds || []).map(Number));
  const context = {
    customer: { firstName: 'Alex', lastName: 'Sample' },
    products,
    unsubscribeUrl: 'https://shop.example.com/unsubscribe/preview',
  };
  const html = ejs.render(template, context); // vuln: CWE-1336
  ctx.type = 'html';
  ctx.body = page(subject || 'Preview', html);
});

router.post('/admin/campaigns', async (ctx) => {
  const { name, subject, templateId } = ctx.request.body;
  const campaign = await Campaigns.create({
    name: String(name).slice(0, 120),
    subject: String(subject).slice(0, 200),
    templateId: Number.parseInt(templateId, 10),
    createdBy: ctx.state.user.id,
  });
  ctx.status = 201;
  ctx.body = { id: campaign.id };
});

app.use(bodyParser({ jsonLimit: '1mb' }));
app.use(async (ctx, next) => {
  ctx.state.user = ctx.session ? ctx.session.user : null;
  await next();
});
app.use(router.routes());
app.use(router.allowedMethods());

module.exports = app;
