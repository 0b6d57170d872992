// bastion-fixture: src/routes/links.js
// bastion-repo: migration.repo.js
const express = require("express");
const db = require("../db");

const router = express.Router();

router.get("/mine", async (req, res) => {
// expect: query-on-unindexed-column
  const links = await db("links").where("owner_id", req.user.id).orderBy("created_at", "desc");
  res.json(links);
});

module.exports = router;
