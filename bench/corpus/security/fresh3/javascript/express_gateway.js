'use strict';

const express = require('express');
const cors = require('cors');
const axios = require('axios');
const https = require('https');
const fs = require('fs');
const { URL } = require('url');

const app = express();
app.use(express.json());

const PARTNER_HOSTS = new Set(['api.partner-one.com', 'feeds.partner-two.io']);

app.use('/public', cors({ origin: true, credentials: true })); // vuln: CWE-942

const legacyAgent = new https.Agent({ rejectUnauthorized: false, keepAlive: true }); // vuln: CWE-295
const partnerAgent = new https.Agent({
  ca: fs.readFileSync(process.env.PARTNER_CA_FILE || '/etc/ssl/partner-ca.pem'),
  rejectUnauthorized: true, // safe: CWE-295
});

const inventoryClient = axios.create({
  baseURL: process.env.INVENTORY_URL || 'https://inventory.internal.example.com',
  timeout: 5000,
  httpsAgent: legacyAgent,
});

function normalizeUrl(raw) {
  const u = new URL(String(raw));
  u.hash = '';
  return u;
}

// GET /preview?url=https://...
app.get('/preview', async (req, res) => {
  const target = normalizeUrl(req.query.url);
  try {
    const upstream = await axios.get(target.toString(), { timeout: 4000, maxRedirects: 2 }); // vuln: CWE-918
    res.json({ status: upstream.status, title: extractTitle(upstream.data) });
  } catch (e) {
    res.status(502).json({ error: 'fetch failed' });
  }
});

// GET /partner-feed?src=https://api.partner-one.com/v2/items
app.get('/partner-feed', async (req, res) => {
  const target = normalizeUrl(req.query.src);
  if (target.protocol !== 'https:' || !PARTNER_HOSTS.has(target.hostname)) {
    return res.status(400).json({ error: 'host not allowed' });
  }
  const upstream = await axios.get(target.toString(), { httpsAgent: partnerAgent, timeout: 4000 }); // safe: CWE-918
  res.json(upstream.data);
});

// GET /inventory/:sku
app.get('/inventory/:sku', async (req, res) => {
  const sku = encodeURIComponent(req.params.sku);
  const { data } = await inventoryClient.get(`/items/${sku}`);
  res.json(data);
});

const adminCors = cors({
  origin: ['https://admin.example.com', 'https://ops.example.com'], // safe: CWE-942
  credentials: true,
});

app.get('/admin/stats', adminCors, async (req, res) => {
  const { data } = await inventoryClient.get('/stats');
  res.json(data);
});

function extractTitle(html) {
  const m = /<title>([^<]*)<\/title>/i.exec(String(html));
  return m ? m[1].trim() : null;
}

app.listen(process.env.PORT || 4000);

module.exports = app;
