// bastion-fixture: src/routes/auth.js
// ok: open-redirect
const express = require("express");

const router = express.Router();

router.post("/login", (req, res) => {
  const target = String(req.query.next || "");
  if (!target.startsWith("/") || target.startsWith("//")) {
    return res.redirect("/");
  }
  return res.redirect(target);
});

module.exports = router;
