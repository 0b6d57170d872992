// bastion-fixture: src/server/errors.ts
// ok: stack-trace-in-response
import { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export function onError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.log.error({ stack: error.stack }, 'request failed');
  reply.code(500).send({ message: 'internal error', id: request.id });
}
