// bastion-fixture: src/server/clients.ts
// expect: http-request-no-timeout
export const api = axios.create();
