// bastion-fixture: server/routes/users.js
app.post('/login', async (req, res) => {
// expect: nosql-injection
  const u = await Users.findOne({ name: req.body.name });
});
