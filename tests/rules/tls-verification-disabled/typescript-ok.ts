// bastion-fixture: server/client.ts
// ok: tls-verification-disabled
const agent = new https.Agent({ rejectUnauthorized: true, ca });
