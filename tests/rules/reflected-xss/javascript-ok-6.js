// bastion-fixture: server/api/import.js
// ok: reflected-xss
// A JSON answer written with its type in writeHead: not parsed as a page.
WebApp.handlers.post('/api/import/zip', async function (req, res) {
  const answer = (code, data) => {
    res.writeHead(code, { 'Content-Type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(data));
  };
  answer(400, { error: 'bad board', board: req.query.boardId });
});

http.createServer((req, res) => {
  res.writeHead(200, 'OK', { 'content-type': 'text/plain' });
  res.end('you asked for ' + req.url);
});
