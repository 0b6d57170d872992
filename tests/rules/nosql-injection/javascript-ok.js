// bastion-fixture: server/routes/users.js
// ok: nosql-injection
app.post('/login', async (req, res) => {
  const u = await Users.findOne({ name: String(req.body.name) });
});
