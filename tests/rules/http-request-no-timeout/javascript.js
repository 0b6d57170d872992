// bastion-fixture: server/clients.js
// expect: http-request-no-timeout
const api = axios.create({ baseURL: process.env.API_URL });
