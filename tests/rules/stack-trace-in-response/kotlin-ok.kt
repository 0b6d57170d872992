// bastion-fixture: src/main/kotlin/com/acme/web/Errors.kt
// ok: stack-trace-in-response
package com.acme.web

import org.slf4j.LoggerFactory
import org.springframework.http.HttpStatus
import org.springframework.http.ResponseEntity
import org.springframework.web.bind.annotation.ExceptionHandler
import org.springframework.web.bind.annotation.RestControllerAdvice

@RestControllerAdvice
class Errors {
    private val log = LoggerFactory.getLogger(Errors::class.java)

    @ExceptionHandler(Exception::class)
    fun onError(ex: Exception): ResponseEntity<Map<String, Any?>> {
        log.error("unhandled: {}", ex.stackTraceToString())
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(mapOf("error" to "internal"))
    }
}
