// bastion-fixture: src/server/import.ts
// expect: xxe
export const doc = libxml.parseXmlString(xml, { noent: true, dtdload: true });
