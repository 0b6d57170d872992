// bastion-fixture: src/server/app.ts
// @fastify/cors: `origin: true` echoes every origin, and cookies are allowed.
import cors from '@fastify/cors';
import Fastify from 'fastify';

const app = Fastify({ logger: true });

// expect: cors-any-origin-with-credentials
app.register(cors, {
  origin: true,
  credentials: true,
  methods: ['GET', 'POST'],
});

app.get('/health', async () => ({ ok: true }));

export default app;
