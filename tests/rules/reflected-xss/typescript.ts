// bastion-fixture: src/routes/search.ts
// expect: reflected-xss
app.get('/e', (req, res) => res.send('<b>' + req.query.msg + '</b>'));
