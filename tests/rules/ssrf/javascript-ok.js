// bastion-fixture: server/routes/preview.js
// ok: ssrf
router.get('/u', async (req, res) => {
  const u = await axios.get(`${API}/users/${req.params.id}`);
  res.json(u.data);
});
