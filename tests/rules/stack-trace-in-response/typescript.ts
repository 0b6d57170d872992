// bastion-fixture: src/server/errors.ts
import { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export function onError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.log.error(error);
// expect: stack-trace-in-response
  reply.code(500).send({ message: error.message, stack: error.stack });
}
