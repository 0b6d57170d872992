// bastion-fixture: server/import.js
// expect: xxe
const doc = libxmljs.parseXml(body, { noent: true });
