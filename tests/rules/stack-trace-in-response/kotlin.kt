// bastion-fixture: src/main/kotlin/com/acme/web/Errors.kt
package com.acme.web

import org.springframework.http.HttpStatus
import org.springframework.http.ResponseEntity
import org.springframework.web.bind.annotation.ExceptionHandler
import org.springframework.web.bind.annotation.RestControllerAdvice

@RestControllerAdvice
class Errors {
    @ExceptionHandler(Exception::class)
    fun onError(ex: Exception): ResponseEntity<Map<String, Any?>> =
// expect: stack-trace-in-response
        ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(mapOf("detail" to ex.stackTraceToString()))
}
