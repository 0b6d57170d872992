package com.acme.billing.accounts

import jakarta.persistence.Entity
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import org.springframework.data.jpa.repository.JpaRepository
import org.springframework.http.HttpStatus
import org.springframework.http.ResponseEntity
import org.springframework.web.bind.annotation.ExceptionHandler
import org.springframework.web.bind.annotation.ModelAttribute
import org.springframework.web.bind.annotation.PathVariable
import org.springframework.web.bind.annotation.PostMapping
import org.springframework.web.bind.annotation.PutMapping
import org.springframework.web.bind.annotation.RequestBody
import org.springframework.web.bind.annotation.RequestMapping
import org.springframework.web.bind.annotation.RequestParam
import org.springframework.web.bind.annotation.RestController
import org.springframework.web.multipart.MultipartFile
import java.io.File
import java.nio.file.Path
import java.nio.file.Paths
import java.util.UUID

@Entity
class Account(
    @Id @GeneratedValue var id: Long? = null,
    var email: String = "",
    var displayName: String = "",
    var role: String = "USER",
    var creditLimit: Long = 0,
)

interface AccountRepository : JpaRepository<Account, Long>

data class ProfileUpdate(val email: String, val displayName: String)

@RestController
@RequestMapping("/accounts")
class AccountController(private val accounts: AccountRepository) {

    private val invoiceDir: Path = Paths.get("/srv/billing/invoices").toAbsolutePath()

    @PostMapping("/register")
    fun register(@ModelAttribute account: Account): Account =
        accounts.save(account) // vuln: CWE-915

    @PutMapping("/{id}/profile")
    fun updateProfile(@PathVariable id: Long, @RequestBody update: ProfileUpdate): ResponseEntity<Account> {
        val existing = accounts.findById(id).orElse(null) ?: return ResponseEntity.notFound().build()
        existing.email = update.email
        existing.displayName = update.displayName
        return ResponseEntity.ok(accounts.save(existing)) // safe: CWE-915
    }

    @PostMapping("/{id}/invoices")
    fun uploadInvoice(@PathVariable id: Long, @RequestParam("file") file: MultipartFile): String {
        val target = File("/srv/billing/invoices/$id", file.originalFilename ?: "invoice.pdf")
        file.transferTo(target) // vuln: CWE-22
        return target.name
    }

    @PostMapping("/{id}/attachments")
    fun uploadAttachment(@PathVariable id: Long, @RequestParam("file") file: MultipartFile): String {
        val ext = file.originalFilename?.substringAfterLast('.', "")?.lowercase()
            ?.takeIf { it in setOf("pdf", "png", "jpg") } ?: "bin"
        val stored = invoiceDir.resolve("$id-${UUID.randomUUID()}.$ext").normalize()
        require(stored.startsWith(invoiceDir))
        file.transferTo(stored) // safe: CWE-22
        return stored.fileName.toString()
    }

    @ExceptionHandler(Exception::class)
    fun handle(ex: Exception): ResponseEntity<Map<String, String?>> =
        ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
            .body(mapOf("error" to ex.message, "trace" to ex.stackTraceToString())) // vuln: CWE-209
}
