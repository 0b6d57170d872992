// bastion-fixture: src/routes/customers.js
// bastion-repo: migration.repo.js
// ok: function-predicate-without-index
const express = require("express");
const db = require("../db");

const router = express.Router();

router.get("/lookup", async (req, res) => {
  // Stored lower-cased on sign-up: the unique index on email answers this.
  const { rows } = await db.raw(
    "SELECT id, name FROM customers WHERE email = ?",
    [String(req.query.email).toLowerCase()],
  );
  res.json(rows[0] || null);
});

module.exports = router;
