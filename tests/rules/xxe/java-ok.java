// bastion-fixture: src/main/java/com/acme/Import.java
// ok: xxe
class Import {
  Document read(InputStream in) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(in);
  }
}
