// bastion-fixture: server/import.js
// ok: xxe
const doc = libxmljs.parseXml(body, { noent: false });
