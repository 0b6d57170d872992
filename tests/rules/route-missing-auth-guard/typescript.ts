// bastion-fixture: src/routes/orders.ts
router.get('/orders', authenticate, list);
router.get('/orders/:id', authenticate, show);
// expect: route-missing-auth-guard
router.patch('/orders/:id', update);
