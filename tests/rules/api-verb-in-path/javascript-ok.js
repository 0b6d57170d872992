// bastion-fixture: src/routes/orders.js
// ok: api-verb-in-path
const express = require('express');
const axios = require('axios');
const app = express();
app.delete('/orders/:id', removeOrder);
app.get('/deletions', (req, res) => res.json([]));
app.set('env', 'production');
app.get('env');
axios.get('/getUser', { params: { id: 1 } });
