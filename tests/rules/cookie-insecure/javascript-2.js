// bastion-fixture: server/routes/cart.js
router.post('/cart', async (req, res) => {
  const cart = await carts.create(req.user);
// expect: cookie-insecure
  res.cookie('cart', cart.id);
// expect: cookie-insecure
  res.cookie('uid', req.user.id, { httpOnly: true });
  res.cookie('prefs', 'compact');
  res.cookie('cart2', cart.id, cookieOptions);
  res.sendStatus(204);
});
