// bastion-fixture: src/routes/account.js
const express = require('express');
const router = express.Router();
router.get('/payment-methods', listMethods);
router.get('/order-items', listItems);
// expect: inconsistent-route-naming
router.get('/userProfiles', listProfiles);
