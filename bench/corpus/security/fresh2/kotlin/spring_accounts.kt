package com.acme.bank.accounts

import jakarta.persistence.Entity
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.Table
import jakarta.validation.Valid
import jakarta.validation.constraints.Email
import jakarta.validation.constraints.Size
import java.net.URI
import java.security.Principal
import org.slf4j.LoggerFactory
import org.springframework.beans.BeanUtils
import org.springframework.beans.factory.annotation.Value
import org.springframework.data.jpa.repository.JpaRepository
import org.springframework.http.HttpStatus
import org.springframework.http.ResponseEntity
import org.springframework.stereotype.Controller
import org.springframework.ui.Model
import org.springframework.web.bind.annotation.ExceptionHandler
import org.springframework.web.bind.annotation.GetMapping
import org.springframework.web.bind.annotation.ModelAttribute
import org.springframework.web.bind.annotation.PathVariable
import org.springframework.web.bind.annotation.PostMapping
import org.springframework.web.bind.annotation.PutMapping
import org.springframework.web.bind.annotation.RequestBody
import org.springframework.web.bind.annotation.RequestMapping
import org.springframework.web.bind.annotation.RequestParam
import org.springframework.web.bind.annotation.ResponseBody
import org.springframework.web.bind.annotation.RestControllerAdvice
import org.springframework.web.server.ResponseStatusException

@Entity
@Table(name = "user_accounts")
class UserAccount(
    @Id @GeneratedValue var id: Long? = null,
    var email: String = "",
    var displayName: String = "",
    var locale: String = "en",
    var role: String = "CUSTOMER",
    var creditLimitCents: Long = 0,
    var emailVerified: Boolean = false,
)

data class ProfileForm(
    @field:Size(min = 1, max = 80) var displayName: String = "",
    @field:Email var email: String = "",
    @field:Size(min = 2, max = 5) var locale: String = "en",
)

interface UserAccountRepository : JpaRepository<UserAccount, Long> {
    fun findByEmail(email: String): UserAccount?
}

@Controller
@RequestMapping("/account")
class AccountController(
    private val accounts: UserAccountRepository,
    private val verification: EmailVerificationService,
    @Value("\${app.allowed-return-hosts}") private val returnHosts: Set<String>,
) {
    private val log = LoggerFactory.getLogger(javaClass)

    @GetMapping("/profile")
    fun profile(principal: Principal, model: Model): String {
        model.addAttribute("account", currentAccount(principal))
        return "account/profile"
    }

    @PostMapping("/profile")
    fun updateProfile(@Valid @ModelAttribute form: ProfileForm, principal: Principal, @RequestParam(required = false) returnTo: String?): String {
        val account = currentAccount(principal)
        BeanUtils.copyProperties(form, account) // safe: CWE-915
        accounts.save(account)
        if (returnTo != null && isTrustedReturn(returnTo)) {
            return "redirect:$returnTo" // safe: CWE-601
        }
        return "redirect:/account/profile?saved"
    }

    @PutMapping("/api/{id}")
    @ResponseBody
    fun replace(@PathVariable id: Long, @RequestBody patch: UserAccount, principal: Principal): UserAccount {
        val existing = accounts.findById(id).orElseThrow { ResponseStatusException(HttpStatus.NOT_FOUND) }
        if (existing.email != principal.name) {
            throw ResponseStatusException(HttpStatus.FORBIDDEN)
        }
        BeanUtils.copyProperties(patch, existing, "id") // vuln: CWE-915
        log.info("account {} updated via API", id)
        return accounts.save(existing)
    }

    @GetMapping("/verify")
    fun verify(@RequestParam token: String, @RequestParam(defaultValue = "/account/profile") next: String): String {
        val account = verification.consume(token) ?: return "redirect:/account/verify-failed"
        account.emailVerified = true
        accounts.save(account)
        return "redirect:$next" // vuln: CWE-601
    }

    private fun currentAccount(principal: Principal): UserAccount =
        accounts.findByEmail(principal.name) ?: throw ResponseStatusException(HttpStatus.UNAUTHORIZED)

    private fun isTrustedReturn(url: String): Boolean {
        val uri = runCatching { URI(url) }.getOrNull() ?: return false
        return uri.scheme == "https" && uri.host in returnHosts && uri.userInfo == null
    }
}

@RestControllerAdvice
class ApiErrorHandler {
    private val log = LoggerFactory.getLogger(javaClass)

    @ExceptionHandler(Exception::class)
    fun onError(ex: Exception): ResponseEntity<Map<String, Any?>> {
        log.error("unhandled error", ex)
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(mapOf("error" to ex.javaClass.simpleName, "detail" to ex.stackTraceToString())) // vuln: CWE-209
    }
}
