// bastion-fixture: src/main/kotlin/demo/events/Envelope.kt
package demo.events

data class Envelope(
    val topic: String,
    // Declared as Any: the JSON may name any class on the class path.
// expect: unsafe-deserialization
    @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS) val payload: Any,
)
