// bastion-fixture: server/routes/users.js
router.get('/users', requireAuth, listUsers);
router.get('/users/:id', requireAuth, getUser);
router.delete('/users/:id', requireAuth, requireAdmin, deleteUser);
// expect: route-missing-auth-guard
router.post('/users/:id/export', exportUser);
