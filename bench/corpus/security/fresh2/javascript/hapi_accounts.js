'use strict';

const Hapi = require('@hapi/hapi');
const Joi = require('joi');
const bcrypt = require('bcrypt');
const mongoose = require('mongoose');

const userSchema = new mongoose.Schema({
  email: { type: String, unique: true, lowercase: true },
  displayName: String,
  bio: String,
  passwordHash: String,
  role: { type: String, default: 'user' },
  emailVerified: { type: Boolean, default: false },
  resetToken: String,
  resetExpires: Date,
});
const User = mongoose.model('User', userSchema);

const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (value) => String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

function publicProfile(user) {
  return { id: user._id, displayName: user.displayName, bio: user.bio };
}

const routes = [
  {
    method: 'POST',
    path: '/account/lookup',
    options: { auth: false },
    handler: async (request) => {
      const email = String(request.payload.email).trim().toLowerCase();
      const user = await User.findOne({ email }).lean(); // safe: CWE-943
      return { exists: Boolean(user) };
    },
  },
  {
    method: 'POST',
    path: '/account/reset-password',
    options: { auth: false },
    handler: async (request, h) => {
      const { token, newPassword } = request.payload;
      const user = await User.findOne({ resetToken: token, resetExpires: { $gt: new Date() } }); // vuln: CWE-943
      if (!user) {
        return h.response({ error: 'invalid token' }).code(400);
      }
      user.passwordHash = await bcrypt.hash(String(newPassword), 12);
      user.resetToken = undefined;
      user.resetExpires = undefined;
      await user.save();
      return h.response().code(204);
    },
  },
  {
    method: 'PUT',
    path: '/me',
    handler: async (request) => {
      const { id } = request.auth.credentials;
      const updated = await User.findByIdAndUpdate(id, request.payload, { new: true }); // vuln: CWE-915
      return publicProfile(updated);
    },
  },
  {
    method: 'GET',
    path: '/u/{id}',
    options: { auth: false, validate: { params: Joi.object({ id: Joi.string().hex().length(24) }) } },
    handler: async (request, h) => {
      const user = await User.findById(request.params.id).lean();
      if (!user) {
        return h.response('Not found').code(404);
      }
      const html = `<article class="profile"><h1>${escapeHtml(user.displayName)}</h1><p>${escapeHtml(user.bio)}</p></article>`;
      return h.response(html).type('text/html'); // safe: CWE-79
    },
  },
  {
    method: 'GET',
    path: '/welcome',
    options: { auth: false },
    handler: (request, h) => {
      const name = request.query.name || 'there';
      const ref = request.query.ref ? ` (invited by ${request.query.ref})` : '';
      return h.response(`<!doctype html><h2>Welcome, ${name}!</h2><p>Glad you found us${ref}.</p>`).type('text/html'); // vuln: CWE-79
    },
  },
];

async function start() {
  await mongoose.connect(process.env.MONGO_URL);
  const server = Hapi.server({ port: process.env.PORT || 4000, host: '0.0.0.0' });
  await server.register(require('@hapi/cookie'));
  server.auth.strategy('session', 'cookie', {
    cookie: { name: 'acct', password: process.env.COOKIE_PASSWORD, isSecure: true, isHttpOnly: true },
    validate: async (request, session) => ({ isValid: Boolean(await User.exists({ _id: session.id })), credentials: session }),
  });
  server.auth.default('session');
  server.route(routes);
  await server.start();
  return server;
}

module.exports = { start, routes };
