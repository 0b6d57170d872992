// bastion-fixture: src/main/java/demo/security/SessionTokenMixin.java
// ok: unsafe-deserialization
package demo.security;

// A mixin for the session token type: the class named in the JSON has to be a subtype of
// SessionToken, so no gadget class from a library can be picked.
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
@JsonIgnoreProperties(ignoreUnknown = true)
abstract class SessionTokenMixin {
  @JsonCreator
  SessionTokenMixin(@JsonProperty("principal") String principal) {
  }
}
