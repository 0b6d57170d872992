// bastion-fixture: src/main/kotlin/demo/security/SessionTokenMixin.kt
// ok: unsafe-deserialization
package demo.security

// Only subtypes of the session token can be named for this mixin's class.
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
abstract class SessionTokenMixin @JsonCreator constructor(
    @JsonProperty("principal") principal: String,
)
