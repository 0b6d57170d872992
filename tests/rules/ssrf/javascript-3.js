// bastion-fixture: server/webhooks.js
const axios = require('axios');
const fastify = require('fastify')();

const http = axios.create({ timeout: 5000 });

fastify.post('/webhooks', async (request, reply) => {
  const { callbackUrl } = request.body;
// expect: ssrf
  await http.post(callbackUrl, { type: 'ping' });
  return reply.code(201).send({ ok: true });
});
