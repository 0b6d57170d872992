import Koa, { Context } from 'koa';
import Router from '@koa/router';
import bodyParser from 'koa-bodyparser';
import ejs from 'ejs';
import path from 'path';
import escapeHtml from 'escape-html';

const app = new Koa();
const router = new Router({ prefix: '/pages' });

const TEMPLATE_DIR = path.join(__dirname, 'views');

interface CampaignBody {
  template: string;
  recipient: { name: string; plan: string };
}

function welcomeBanner(ctx: Context): string {
  const name = (ctx.query.name as string) || 'friend';
  return `<section class="hero"><h1>Welcome back, ${name}!</h1></section>`;
}

router.get('/welcome', async (ctx) => {
  ctx.type = 'html';
  ctx.body = welcomeBanner(ctx); // vuln: CWE-79
});

router.get('/goodbye', async (ctx) => {
  const name = escapeHtml(String(ctx.query.name ?? 'friend'));
  ctx.type = 'html';
  ctx.body = `<section class="hero"><h1>See you soon, ${name}!</h1></section>`; // safe: CWE-79
});

router.post('/campaigns/preview', async (ctx) => {
  const { template, recipient } = ctx.request.body as CampaignBody;
  const html = ejs.render(template, { recipient, year: new Date().getFullYear() }); // vuln: CWE-1336
  ctx.type = 'html';
  ctx.body = html;
});

router.get('/invoice/:id', async (ctx) => {
  const invoiceId = Number.parseInt(ctx.params.id, 10);
  const html = await ejs.renderFile(path.join(TEMPLATE_DIR, 'invoice.ejs'), { invoiceId, customer: ctx.state.user }); // safe: CWE-1336
  ctx.type = 'html';
  ctx.body = html;
});

router.get('/notice', async (ctx) => {
  const params = new Map<string, string>([['level', String(ctx.query.level ?? 'info')], ['text', String(ctx.query.text ?? '')]]);
  ctx.type = 'text/html';
  ctx.body = `<div class="notice notice-${params.get('level')}">` + params.get('text') + '</div>'; // vuln: CWE-79
});

app.use(bodyParser());
app.use(router.routes());
app.use(router.allowedMethods());

export default app;
