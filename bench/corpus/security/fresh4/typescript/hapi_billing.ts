import Hapi, { Request, ResponseToolkit } from '@hapi/hapi';
import crypto from 'crypto';
import libxmljs from 'libxmljs2';

const CARD_VAULT_KEY = Buffer.from(process.env.CARD_VAULT_KEY ?? '', 'hex');
const POST_PAYMENT_PAGES = new Map<string, string>([
  ['invoices', '/billing/invoices'],
  ['plan', '/billing/plan'],
  ['receipt', '/billing/receipts/latest'],
]);

interface InvoiceLine {
  sku: string;
  quantity: number;
  amountCents: number;
}

function parseInvoiceXml(xml: string): InvoiceLine[] {
  const doc = libxmljs.parseXml(xml, { noent: true, nonet: false }); // vuln: CWE-611
  return doc.find('//line').map((node: any) => ({
    sku: node.get('sku')?.text() ?? '',
    quantity: parseInt(node.get('quantity')?.text() ?? '0', 10),
    amountCents: parseInt(node.get('amount')?.text() ?? '0', 10),
  }));
}

function sealCardReference(reference: string): string {
  const cipher = crypto.createCipheriv('aes-256-cbc', CARD_VAULT_KEY, Buffer.alloc(16, 0)); // vuln: CWE-329
  return Buffer.concat([cipher.update(reference, 'utf8'), cipher.final()]).toString('base64');
}

function deriveBillingPinHash(pin: string): string {
  const derived = crypto.scryptSync(pin, 'billing-portal-pin-salt', 32); // vuln: CWE-760
  return derived.toString('hex');
}

const init = async (): Promise<void> => {
  const server = Hapi.server({ port: Number(process.env.PORT ?? 5000), host: '0.0.0.0' });

  server.route({
    method: 'POST',
    path: '/billing/invoices/import',
    options: { payload: { parse: false, allow: ['application/xml', 'text/xml'] } },
    handler: (request: Request) => {
      const xml = (request.payload as Buffer).toString('utf8');
      const lines = parseInvoiceXml(xml);
      const total = lines.reduce((sum, l) => sum + l.quantity * l.amountCents, 0);
      return { lines: lines.length, totalCents: total };
    },
  });

  server.route({
    method: 'POST',
    path: '/billing/cards',
    handler: (request: Request, h: ResponseToolkit) => {
      const { processorReference } = request.payload as { processorReference: string };
      const sealed = sealCardReference(processorReference);
      return h.response({ sealed }).code(201);
    },
  });

  server.route({
    method: 'PUT',
    path: '/billing/pin',
    handler: async (request: Request, h: ResponseToolkit) => {
      const { pin } = request.payload as { pin: string };
      if (!/^\d{6}$/.test(pin)) {
        return h.response({ error: 'pin must be 6 digits' }).code(400);
      }
      const hash = deriveBillingPinHash(pin);
      await request.server.methods.savePinHash(request.auth.credentials.user, hash);
      return h.response().code(204);
    },
  });

  server.route({
    method: 'GET',
    path: '/billing/checkout/complete',
    handler: (request: Request, h: ResponseToolkit) => {
      const next = String(request.query.next ?? 'invoices');
      const destination = POST_PAYMENT_PAGES.get(next) ?? '/billing';
      return h.redirect(destination); // safe: CWE-601
    },
  });

  server.method('savePinHash', async (_user: unknown, _hash: string) => true);
  await server.start();
};

init();
