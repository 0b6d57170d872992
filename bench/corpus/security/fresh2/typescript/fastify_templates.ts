import Fastify, { FastifyReply, FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import Handlebars from 'handlebars';
import fs from 'node:fs';
import path from 'node:path';
import serialize from 'node-serialize';
import { pricingRules, invoices } from './store';

type Operator = 'pct_off' | 'flat_off' | 'min_total';

interface PricingRule {
  id: string;
  version: 1 | 2;
  expression?: string;
  op?: Operator;
  value?: number;
}

interface PreviewBody {
  template: string;
  data: Record<string, unknown>;
}

interface QuoteBody {
  ruleIds: string[];
  qty: number;
  unitPrice: number;
}

const app = Fastify({ logger: true });
app.register(cookie);

const TEMPLATE_DIR = path.join(__dirname, 'templates');
const invoiceTemplate = Handlebars.compile(fs.readFileSync(path.join(TEMPLATE_DIR, 'invoice.hbs'), 'utf8')); // safe: CWE-1336

const OPERATORS: Record<Operator, (total: number, value: number) => number> = {
  pct_off: (total, value) => total * (1 - value / 100),
  flat_off: (total, value) => Math.max(0, total - value),
  min_total: (total, value) => Math.max(total, value),
};

function applyRule(rule: PricingRule, qty: number, unitPrice: number, total: number): number {
  if (rule.version === 2 && rule.op && rule.op in OPERATORS) {
    return OPERATORS[rule.op](total, Number(rule.value ?? 0)); // safe: CWE-95
  }
  const legacy = new Function('qty', 'unitPrice', 'total', `return (${rule.expression});`); // vuln: CWE-95
  return Number(legacy(qty, unitPrice, total));
}

function readPreferences(request: FastifyRequest): { currency: string; locale: string } {
  const raw = request.cookies.prefs;
  if (!raw) {
    return { currency: 'EUR', locale: 'en-GB' };
  }
  return serialize.unserialize(Buffer.from(raw, 'base64').toString('utf8')); // vuln: CWE-502
}

app.post('/pricing/quote', async (request: FastifyRequest<{ Body: QuoteBody }>) => {
  const { ruleIds, qty, unitPrice } = request.body;
  const rules: PricingRule[] = await pricingRules.findMany(ruleIds);
  let total = qty * unitPrice;
  for (const rule of rules) {
    total = applyRule(rule, qty, unitPrice, total);
  }
  const prefs = readPreferences(request);
  return { total: Math.round(total * 100) / 100, currency: prefs.currency };
});

app.post('/pricing/rules', async (request: FastifyRequest<{ Body: PricingRule }>, reply: FastifyReply) => {
  const saved = await pricingRules.insert(request.body);
  return reply.code(201).send(saved);
});

app.post('/templates/preview', async (request: FastifyRequest<{ Body: PreviewBody }>, reply: FastifyReply) => {
  const { template, data } = request.body;
  const render = Handlebars.compile(template); // vuln: CWE-1336
  return reply.type('text/html').send(render(data ?? {}));
});

app.get('/invoices/:id', async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
  const invoice = await invoices.findById(Number.parseInt(request.params.id, 10));
  if (!invoice) {
    return reply.code(404).send({ error: 'not found' });
  }
  const prefs = readPreferences(request);
  return reply.type('text/html').send(invoiceTemplate({ invoice, locale: prefs.locale }));
});

app.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' });
