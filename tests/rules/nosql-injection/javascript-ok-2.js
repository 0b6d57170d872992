// bastion-fixture: server/routes/tenants.js
// ok: nosql-injection
const express = require('express');
const router = express.Router();

// Headers and path parameters are always strings: they cannot smuggle `{"$ne": null}`.
router.get('/tenant/:slug', async (req, res) => {
  const byHost = await Tenant.findOne({ host: req.headers.host });
  const bySlug = await Tenant.findOne({ slug: req.params.slug });
  res.json({ byHost, bySlug });
});
