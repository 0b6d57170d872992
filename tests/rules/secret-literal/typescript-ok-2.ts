// bastion-fixture: src/routes/webhooks.ts
// ok: secret-literal
// A webhook URL whose token says it is a stand-in.
import express from "express";

export const router = express.Router();

const EXAMPLE_WEBHOOK = {
  name: "Team channel",
  url: "https://hooks.slack.com/services/T22222222/B22222222/mock-not-a-real-token",
};

router.get("/webhooks/example", (req, res) => res.json(EXAMPLE_WEBHOOK));
