// bastion-fixture: server/routes/users.js
// ok: route-missing-auth-guard
router.get('/users', requireAuth, listUsers);
router.get('/users/:id', requireAuth, getUser);
router.post('/login', login);
router.post('/users/:id/export', requireAuth, exportUser);
