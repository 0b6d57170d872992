import Fastify, { FastifyReply, FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import axios from 'axios';
import jwt, { JwtPayload } from 'jsonwebtoken';
import { readFileSync } from 'fs';

const app = Fastify({ logger: true });

const PROVIDER_BASE_URLS: Record<string, string> = {
  stripe: 'https://api.stripe.com',
  slack: 'https://slack.com/api',
  github: 'https://api.github.com',
};

const AUTH_PUBLIC_KEY = readFileSync('/etc/integrations/auth-public.pem', 'utf8');

interface WebhookTestBody {
  webhookUrl: string;
  event?: string;
}

interface ProviderStatusParams {
  provider: string;
}

app.register(cors, {
  origin: true, // vuln: CWE-942
  credentials: true,
  methods: ['GET', 'POST', 'DELETE'],
});

function bearer(request: FastifyRequest): string {
  const header = request.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7) : '';
}

function currentTenantFromPartnerToken(request: FastifyRequest): string {
  const claims = jwt.decode(bearer(request)) as JwtPayload | null; // vuln: CWE-347
  if (!claims || typeof claims.tenant !== 'string') {
    throw new Error('missing tenant');
  }
  return claims.tenant;
}

function currentTenant(request: FastifyRequest): string {
  const claims = jwt.verify(bearer(request), AUTH_PUBLIC_KEY, { algorithms: ['RS256'], audience: 'integrations' }) as JwtPayload; // safe: CWE-347
  return String(claims.tenant);
}

app.post('/webhooks/test', async (request: FastifyRequest<{ Body: WebhookTestBody }>, reply: FastifyReply) => {
  const tenant = currentTenant(request);
  const { webhookUrl, event = 'ping' } = request.body;
  const payload = { tenant, event, sentAt: new Date().toISOString() };
  const result = await axios.post(webhookUrl, payload, { timeout: 5000 }); // vuln: CWE-918
  return reply.send({ status: result.status });
});

app.get('/providers/:provider/status', async (request: FastifyRequest<{ Params: ProviderStatusParams }>, reply: FastifyReply) => {
  currentTenant(request);
  const base = PROVIDER_BASE_URLS[request.params.provider];
  if (!base) {
    return reply.code(404).send({ error: 'unknown provider' });
  }
  const result = await axios.get(`${base}/status`, { timeout: 3000 }); // safe: CWE-918
  return reply.send({ provider: request.params.provider, healthy: result.status === 200 });
});

app.get('/partner/usage', async (request: FastifyRequest, reply: FastifyReply) => {
  const tenant = currentTenantFromPartnerToken(request);
  const usage = await loadUsage(tenant);
  return reply.send(usage);
});

async function loadUsage(tenant: string): Promise<{ tenant: string; calls: number }> {
  return { tenant, calls: 0 };
}

app.listen({ port: 8443, host: '0.0.0.0' }).catch((err) => {
  app.log.error(err);
  process.exit(1);
});
