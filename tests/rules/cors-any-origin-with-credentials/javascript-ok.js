// bastion-fixture: server/app.js
// ok: cors-any-origin-with-credentials
const express = require('express');
const cors = require('cors');

const app = express();
const allowed = (process.env.CORS_ORIGINS || 'https://app.example.com').split(',');

app.use(cors({ origin: allowed, credentials: true }));
// The public status feed needs no cookies, so any origin may read it.
app.get('/status.json', cors({ origin: '*' }), (req, res) => res.json({ up: true }));

module.exports = app;
