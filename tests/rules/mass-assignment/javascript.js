// bastion-fixture: server/routes/users.js
const express = require('express');
router.post('/users', async (req, res) => {
// expect: mass-assignment
  const user = await User.create(req.body);
// expect: mass-assignment
  const post = new Post(req.body);
  await prisma.user.update({ where: { id }, data: req.body });
  res.json(user);
});

function copyInto(user, req) {
// expect: mass-assignment
  Object.assign(user, req.body);
  return user;
}
