// bastion-fixture: src/routes/links.js
// bastion-repo: migration.repo.js
// ok: query-on-unindexed-column
const express = require("express");
const db = require("../db");

const router = express.Router();

router.get("/:slug", async (req, res) => {
  const link = await db("links").where({ slug: req.params.slug }).first();
  if (!link) return res.sendStatus(404);
  res.redirect(302, link.target_url);
});

module.exports = router;
