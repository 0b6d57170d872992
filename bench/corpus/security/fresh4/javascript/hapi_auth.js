'use strict';

const Hapi = require('@hapi/hapi');
const crypto = require('crypto');
const https = require('https');
const fs = require('fs');
const jwt = require('jsonwebtoken');

const SESSION_SIGNING_KEY = 'c9f1e7a2b44d0e8f6a31c5d97b2e04fa'; // vuln: CWE-798
const VAULT_KEY = Buffer.from(process.env.PROFILE_VAULT_KEY || '', 'hex');
const LEGACY_KEY = Buffer.from(process.env.LEGACY_EXPORT_KEY || '', 'hex');

const ALLOWED_RETURN_PATHS = ['/dashboard', '/account', '/billing', '/settings'];

const idpAgent = new https.Agent({
  ca: fs.readFileSync('/etc/ssl/certs/corp-idp-ca.pem'),
  rejectUnauthorized: true,
});

function encryptProfile(plaintext) {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', VAULT_KEY, iv); // safe: CWE-327
  const enc = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), enc]).toString('base64');
}

function encryptLegacyExport(plaintext) {
  const cipher = crypto.createCipheriv('aes-128-ecb', LEGACY_KEY, null); // vuln: CWE-327
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
}

const init = async () => {
  const server = Hapi.server({ port: 4000, host: '0.0.0.0' });

  server.route({
    method: 'POST',
    path: '/login',
    handler: async (request, h) => {
      const { username } = request.payload;
      const token = jwt.sign({ sub: username }, SESSION_SIGNING_KEY, { expiresIn: '1h' });
      const next = request.query.next || '/dashboard';
      return h.redirect(next).state('sid', token); // vuln: CWE-601
    },
  });

  server.route({
    method: 'GET',
    path: '/logout',
    handler: (request, h) => {
      const requested = request.query.returnTo;
      const target = ALLOWED_RETURN_PATHS.includes(requested) ? requested : '/';
      return h.redirect(target).unstate('sid'); // safe: CWE-601
    },
  });

  server.route({
    method: 'POST',
    path: '/password/reset',
    handler: async (request, h) => {
      const resetToken = crypto.randomBytes(32).toString('hex'); // safe: CWE-330
      const expiresAt = Date.now() + 30 * 60 * 1000;
      await request.server.methods.storeResetToken(request.payload.email, resetToken, expiresAt);
      return h.response({ status: 'sent' }).code(202);
    },
  });

  server.route({
    method: 'PUT',
    path: '/profile/secure-notes',
    handler: (request) => ({ blob: encryptProfile(request.payload.notes) }),
  });

  server.route({
    method: 'GET',
    path: '/exports/legacy',
    handler: (request) => ({ data: encryptLegacyExport(JSON.stringify(request.query)) }),
  });

  server.route({
    method: 'GET',
    path: '/idp/metadata',
    handler: async () => {
      const res = await new Promise((resolve, reject) => {
        https.get('https://idp.corp.example.com/metadata', { agent: idpAgent }, resolve).on('error', reject);
      });
      return { status: res.statusCode };
    },
  });

  server.method('storeResetToken', async () => true);
  await server.start();
};

init();
