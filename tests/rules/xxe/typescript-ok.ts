// bastion-fixture: src/server/import.ts
// ok: xxe
import { parseXml } from 'libxmljs2';
import { XMLParser } from 'fast-xml-parser';

// libxml's defaults load no external entities and no DTD.
export function readInvoice(xml: string) {
  return parseXml(xml, { noblanks: true });
}

export function readFeed(xml: string) {
  return new XMLParser({ ignoreAttributes: false }).parse(xml);
}
