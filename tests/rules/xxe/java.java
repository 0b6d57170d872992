// bastion-fixture: src/main/java/com/acme/Import.java
class Import {
  Document read(InputStream in) throws Exception {
// expect: xxe
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    return f.newDocumentBuilder().parse(in);
  }
}
