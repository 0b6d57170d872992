// bastion-fixture: src/main/java/com/acme/SessionCodec.java
// ok: unsafe-deserialization
class SessionCodec {
  Object decode(byte[] b) throws Exception {
    ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b));
    return in.readObject();
  }
}
