// bastion-fixture: src/main/java/com/acme/SessionCodec.java
class SessionCodec {
  Object decode(byte[] b) throws Exception {
    ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(b));
// expect: unsafe-deserialization
    return in.readObject();
  }
}
