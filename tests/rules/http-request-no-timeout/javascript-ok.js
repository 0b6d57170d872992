// bastion-fixture: server/clients.js
// ok: http-request-no-timeout
const api = axios.create({ baseURL: URL, timeout: 5000 });
