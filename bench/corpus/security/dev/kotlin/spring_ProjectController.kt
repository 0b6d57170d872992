package com.example.projects.web

import com.fasterxml.jackson.databind.ObjectMapper
import org.slf4j.LoggerFactory
import org.springframework.context.annotation.Bean
import org.springframework.context.annotation.Configuration
import org.springframework.jdbc.core.JdbcTemplate
import org.springframework.security.config.annotation.web.builders.HttpSecurity
import org.springframework.security.web.SecurityFilterChain
import org.springframework.web.bind.annotation.*
import org.springframework.web.client.RestTemplate
import org.springframework.web.util.HtmlUtils
import java.io.File
import java.nio.file.Path
import java.security.MessageDigest
import javax.persistence.EntityManager
import javax.servlet.http.HttpServletResponse

@Configuration
class SecurityConfig {
    @Bean
    fun filterChain(http: HttpSecurity): SecurityFilterChain {
        http.csrf().disable() // vuln: CWE-352
        http.authorizeRequests().anyRequest().authenticated()
        return http.build()
    }
}

@RestController
@RequestMapping("/projects")
class ProjectController(
    private val jdbc: JdbcTemplate,
    private val em: EntityManager,
    private val rest: RestTemplate,
) {
    private val log = LoggerFactory.getLogger(ProjectController::class.java)
    private val storage: Path = Path.of("/srv/projects")

    @GetMapping("/search")
    fun search(@RequestParam q: String): List<Map<String, Any>> =
        jdbc.queryForList("SELECT id, title FROM project WHERE title LIKE '%$q%'") // vuln: CWE-89

    @GetMapping("/search-safe")
    fun searchSafe(@RequestParam q: String): List<Map<String, Any>> =
        jdbc.queryForList("SELECT id, title FROM project WHERE title LIKE ?", "%$q%") // safe: CWE-89

    @GetMapping("/by-owner")
    fun byOwner(@RequestParam owner: String): List<*> =
        em.createQuery("SELECT p FROM Project p WHERE p.owner = '" + owner + "'").resultList // vuln: CWE-89

    @GetMapping("/by-owner-safe")
    fun byOwnerSafe(@RequestParam owner: String): List<*> =
        em.createQuery("SELECT p FROM Project p WHERE p.owner = :owner").setParameter("owner", owner).resultList // safe: CWE-89

    @GetMapping("/{id}/tasks")
    fun tasks(@PathVariable id: Int): List<Map<String, Any>> =
        jdbc.queryForList("SELECT * FROM task WHERE project_id = $id") // safe: CWE-89

    @PostMapping("/{id}/build")
    fun build(@PathVariable id: String, @RequestParam branch: String): Int {
        val proc = Runtime.getRuntime().exec(arrayOf("sh", "-c", "git checkout $branch && make")) // vuln: CWE-78
        return proc.waitFor()
    }

    @PostMapping("/{id}/build-safe")
    fun buildSafe(@PathVariable id: String, @RequestParam branch: String): Int {
        require(branch.matches(Regex("[A-Za-z0-9._/-]+")))
        val proc = ProcessBuilder("git", "checkout", branch).directory(File("/srv/projects/$id")).start() // safe: CWE-78
        return proc.waitFor()
    }

    @GetMapping("/attachment")
    fun attachment(@RequestParam name: String): ByteArray = File("/srv/projects/attachments/$name").readBytes() // vuln: CWE-22

    @GetMapping("/attachment-safe")
    fun attachmentSafe(@RequestParam name: String): ByteArray {
        val target = storage.resolve(name).normalize()
        require(target.startsWith(storage))
        return target.toFile().readBytes() // safe: CWE-22
    }

    @PostMapping("/import")
    fun import(@RequestParam source: String): String? = rest.getForObject(source, String::class.java) // vuln: CWE-918

    @GetMapping("/status-page")
    fun statusPage(): String? = rest.getForObject("https://status.example.com/api/v2/status.json", String::class.java) // safe: CWE-918

    @GetMapping("/title", produces = ["text/html"])
    fun title(@RequestParam t: String): String = "<h1>$t</h1>" // vuln: CWE-79

    @GetMapping("/title-safe", produces = ["text/html"])
    fun titleSafe(@RequestParam t: String): String = "<h1>${HtmlUtils.htmlEscape(t)}</h1>" // safe: CWE-79

    @GetMapping("/leave")
    fun leave(@RequestParam target: String, response: HttpServletResponse) {
        response.sendRedirect(target) // vuln: CWE-601
    }

    @PostMapping("/{id}/comment")
    fun comment(@PathVariable id: String, @RequestBody body: String) {
        log.info("comment on $id: $body") // vuln: CWE-117
    }

    fun checksum(bytes: ByteArray): ByteArray = MessageDigest.getInstance("SHA-1").digest(bytes) // vuln: CWE-328

    fun strongChecksum(bytes: ByteArray): ByteArray = MessageDigest.getInstance("SHA-256").digest(bytes) // safe: CWE-328
}

@Configuration
class JacksonConfig {
    @Bean
    fun objectMapper(): ObjectMapper = ObjectMapper().apply {
        enableDefaultTyping() // vuln: CWE-502
    }
}
