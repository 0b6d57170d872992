// bastion-fixture: src/db/products.js
const knex = require('knex')(config);
// expect: like-leading-wildcard
exports.search = (q) => knex('products').where('name', 'ilike', `%${q}%`);
