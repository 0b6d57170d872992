package com.acme.accounts.users

import jakarta.persistence.Entity
import jakarta.persistence.EntityManager
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.Table
import org.slf4j.LoggerFactory
import org.springframework.data.jpa.repository.JpaRepository
import org.springframework.http.HttpStatus
import org.springframework.http.ResponseEntity
import org.springframework.transaction.annotation.Transactional
import org.springframework.web.bind.annotation.GetMapping
import org.springframework.web.bind.annotation.PatchMapping
import org.springframework.web.bind.annotation.PathVariable
import org.springframework.web.bind.annotation.PostMapping
import org.springframework.web.bind.annotation.PutMapping
import org.springframework.web.bind.annotation.RequestBody
import org.springframework.web.bind.annotation.RequestMapping
import org.springframework.web.bind.annotation.RequestParam
import org.springframework.web.bind.annotation.RestController
import org.springframework.web.server.ResponseStatusException

@Entity
@Table(name = "users")
class User(
    @Id @GeneratedValue var id: Long? = null,
    var email: String = "",
    var displayName: String = "",
    var role: String = "MEMBER",
    var emailVerified: Boolean = false,
    var verificationCode: String? = null,
)

data class ProfileUpdate(val displayName: String, val email: String)

data class VerifyRequest(val code: String)

interface UserRepository : JpaRepository<User, Long>

@RestController
@RequestMapping("/api/users")
class UserController(
    private val repo: UserRepository,
    private val em: EntityManager,
) {
    private val log = LoggerFactory.getLogger(UserController::class.java)

    private fun load(id: Long): User =
        repo.findById(id).orElseThrow { ResponseStatusException(HttpStatus.NOT_FOUND, "user $id not found") }

    @PutMapping("/{id}")
    @Transactional
    fun replace(@PathVariable id: Long, @RequestBody user: User): User {
        load(id)
        user.id = id
        return repo.save(user) // vuln: CWE-915
    }

    @PatchMapping("/{id}/profile")
    @Transactional
    fun updateProfile(@PathVariable id: Long, @RequestBody body: ProfileUpdate): User {
        val user = load(id)
        user.displayName = body.displayName.trim()
        if (user.email != body.email) {
            user.email = body.email
            user.emailVerified = false
        }
        return repo.save(user) // safe: CWE-915
    }

    @GetMapping("/search")
    fun search(@RequestParam q: String, @RequestParam(defaultValue = "20") limit: Int): List<User> {
        val needle = q.lowercase()
        val jpql = "select u from User u where lower(u.displayName) like '%$needle%' order by u.displayName"
        return em.createQuery(jpql, User::class.java).setMaxResults(limit.coerceIn(1, 100)).resultList // vuln: CWE-89
    }

    @GetMapping("/by-email")
    fun byEmail(@RequestParam email: String): User? {
        val query = em.createQuery("select u from User u where u.email = :email", User::class.java)
        return query.setParameter("email", email.trim()).resultList.firstOrNull() // safe: CWE-89
    }

    @PostMapping("/{id}/verify")
    @Transactional
    fun verify(@PathVariable id: Long, @RequestBody req: VerifyRequest): ResponseEntity<Void> {
        val user = load(id)
        if (user.verificationCode == null || user.verificationCode != req.code) {
            log.warn("email verification failed for user $id, submitted code: ${req.code}") // vuln: CWE-117
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).build()
        }
        user.emailVerified = true
        user.verificationCode = null
        return ResponseEntity.noContent().build()
    }
}
