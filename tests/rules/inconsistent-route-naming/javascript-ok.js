// bastion-fixture: src/routes/account.js
// ok: inconsistent-route-naming
const express = require('express');
const router = express.Router();
router.get('/payment-methods', listMethods);
router.get('/order-items/:itemId', listItems);
router.get('/users', listUsers);
router.get('/user-profiles', listProfiles);
