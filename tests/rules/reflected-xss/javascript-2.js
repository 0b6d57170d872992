// bastion-fixture: server/api/page.js
http.createServer((req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html' });
// expect: reflected-xss
  res.end('<h1>' + req.url + '</h1>');
});
