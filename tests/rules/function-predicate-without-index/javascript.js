// bastion-fixture: src/routes/customers.js
// bastion-repo: migration.repo.js
const express = require("express");
const db = require("../db");

const router = express.Router();

router.get("/lookup", async (req, res) => {
  const { rows } = await db.raw(
// expect: function-predicate-without-index
    "SELECT id, name FROM customers WHERE lower(email) = ?",
    [String(req.query.email).toLowerCase()],
  );
  res.json(rows[0] || null);
});

module.exports = router;
