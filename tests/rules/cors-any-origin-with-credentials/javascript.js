// bastion-fixture: server/app.js
const express = require('express');
const cors = require('cors');
const app = express();
// expect: cors-any-origin-with-credentials
app.use(cors({
  origin: true,
  credentials: true,
}));
