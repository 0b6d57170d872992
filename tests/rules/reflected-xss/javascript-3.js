// bastion-fixture: server/routes/welcome.js
module.exports = [
  {
    method: 'GET',
    path: '/welcome',
    handler: (request, h) => {
      const name = request.query.name || 'there';
// expect: reflected-xss
      return h.response(`<h2>Welcome, ${name}!</h2>`).type('text/html');
    },
  },
];
