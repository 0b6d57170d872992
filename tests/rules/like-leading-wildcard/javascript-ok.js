// bastion-fixture: src/db/products.js
// ok: like-leading-wildcard
const knex = require('knex')(config);
exports.search = (q) => knex('products').where('name', 'like', `${q}%`);
