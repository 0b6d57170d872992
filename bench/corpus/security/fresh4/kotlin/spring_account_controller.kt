package com.acme.crm.web

import jakarta.persistence.Entity
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.Table
import org.slf4j.LoggerFactory
import org.springframework.data.jpa.repository.JpaRepository
import org.springframework.http.HttpStatus
import org.springframework.http.ResponseEntity
import org.springframework.jdbc.core.JdbcTemplate
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate
import org.springframework.web.bind.annotation.ExceptionHandler
import org.springframework.web.bind.annotation.GetMapping
import org.springframework.web.bind.annotation.PatchMapping
import org.springframework.web.bind.annotation.PathVariable
import org.springframework.web.bind.annotation.PutMapping
import org.springframework.web.bind.annotation.RequestBody
import org.springframework.web.bind.annotation.RequestMapping
import org.springframework.web.bind.annotation.RequestParam
import org.springframework.web.bind.annotation.RestController

@Entity
@Table(name = "accounts")
class Account(
    @Id @GeneratedValue var id: Long? = null,
    var displayName: String = "",
    var email: String = "",
    var role: String = "USER",
    var creditLimitCents: Long = 0,
    var verified: Boolean = false,
)

interface AccountRepository : JpaRepository<Account, Long>

data class ProfileUpdate(val displayName: String, val email: String)

@RestController
@RequestMapping("/api/accounts")
class AccountController(
    private val jdbc: JdbcTemplate,
    private val named: NamedParameterJdbcTemplate,
    private val accounts: AccountRepository,
) {
    private val log = LoggerFactory.getLogger(AccountController::class.java)

    @GetMapping("/search")
    fun search(
        @RequestParam q: String,
        @RequestParam(defaultValue = "USER") role: String,
    ): List<Map<String, Any>> {
        val pattern = "%${q.trim()}%"
        val sql = """
            SELECT id, display_name, email FROM accounts
            WHERE role = '$role' AND display_name ILIKE :pattern
            ORDER BY display_name LIMIT 100
        """.trimIndent()
        return named.queryForList(sql, mapOf("pattern" to pattern)) // vuln: CWE-89
    }

    @GetMapping("/by-email")
    fun byEmail(@RequestParam email: String): List<Map<String, Any>> =
        jdbc.queryForList("SELECT id, display_name, role FROM accounts WHERE lower(email) = lower(?)", email.trim()) // safe: CWE-89

    @GetMapping("/{id}")
    fun get(@PathVariable id: Long): Account =
        accounts.findById(id).orElseThrow { NoSuchElementException("account $id") }

    @PutMapping("/{id}")
    fun replace(@PathVariable id: Long, @RequestBody incoming: Account): Account {
        val existing = accounts.findById(id).orElseThrow { NoSuchElementException("account $id") }
        incoming.id = existing.id
        log.info("replacing account {}", existing.id)
        return accounts.save(incoming) // vuln: CWE-915
    }

    @PatchMapping("/{id}/profile")
    fun updateProfile(@PathVariable id: Long, @RequestBody update: ProfileUpdate): Account {
        val existing = accounts.findById(id).orElseThrow { NoSuchElementException("account $id") }
        existing.displayName = update.displayName.trim()
        if (existing.email != update.email) {
            existing.email = update.email.trim()
            existing.verified = false
        }
        return accounts.save(existing) // safe: CWE-915
    }

    @ExceptionHandler(NoSuchElementException::class)
    fun notFound(ex: NoSuchElementException): ResponseEntity<Map<String, String>> =
        ResponseEntity.status(HttpStatus.NOT_FOUND).body(mapOf("error" to "not found"))

    @ExceptionHandler(Exception::class)
    fun onError(ex: Exception): ResponseEntity<Map<String, String>> {
        log.error("account API failure", ex)
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
            .body(mapOf("error" to (ex.message ?: "unexpected"), "trace" to ex.stackTraceToString())) // vuln: CWE-209
    }
}
