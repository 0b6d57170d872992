// bastion-fixture: src/main/java/com/acme/Money.java
// ok: unsafe-deserialization
class Money implements Serializable {
  private void readObject(ObjectInputStream in) throws Exception {
    in.defaultReadObject();
    extra = in.readObject();
  }
}
