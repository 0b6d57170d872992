// bastion-fixture: src/main/java/demo/events/Envelope.java
package demo.events;

public class Envelope {
  private String topic;

  // The payload is declared as Object: the JSON may name any class on the class path.
// expect: unsafe-deserialization
  @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, include = JsonTypeInfo.As.PROPERTY)
  private Object payload;
}
