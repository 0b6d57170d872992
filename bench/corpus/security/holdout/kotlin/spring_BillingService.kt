package com.example.billing

import org.slf4j.LoggerFactory
import org.springframework.beans.factory.annotation.Value
import org.springframework.http.HttpHeaders
import org.springframework.http.ResponseEntity
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate
import org.springframework.ldap.core.LdapTemplate
import org.springframework.ldap.query.LdapQueryBuilder.query
import org.springframework.stereotype.Service
import org.springframework.web.bind.annotation.*
import org.springframework.web.reactive.function.client.WebClient
import java.io.ObjectInputStream
import java.net.URL
import java.nio.file.Files
import java.nio.file.Paths
import java.security.MessageDigest
import java.util.UUID
import javax.crypto.Cipher
import javax.crypto.spec.IvParameterSpec
import javax.crypto.spec.SecretKeySpec
import javax.xml.parsers.DocumentBuilderFactory
import javax.xml.xpath.XPathFactory

@Service
class BillingRepository(private val jdbc: NamedParameterJdbcTemplate) {
    fun invoicesFor(customer: String): List<Map<String, Any>> =
        jdbc.queryForList("SELECT * FROM invoice WHERE customer = '$customer'", MapSqlParameterSource()) // vuln: CWE-89

    fun invoicesForSafe(customer: String): List<Map<String, Any>> =
        jdbc.queryForList("SELECT * FROM invoice WHERE customer = :customer", MapSqlParameterSource("customer", customer)) // safe: CWE-89

    fun invoicesSorted(direction: String): List<Map<String, Any>> {
        val dir = if (direction.equals("asc", ignoreCase = true)) "ASC" else "DESC"
        return jdbc.queryForList("SELECT * FROM invoice ORDER BY issued_at $dir", MapSqlParameterSource()) // safe: CWE-89
    }

    fun voidInvoices(reason: String): Int =
        jdbc.update("UPDATE invoice SET status = 'void', note = '" + reason + "'", MapSqlParameterSource()) // vuln: CWE-89
}

@RestController
@RequestMapping("/billing")
class BillingController(
    private val repo: BillingRepository,
    private val ldap: LdapTemplate,
    private val web: WebClient,
    @Value("\${billing.key}") private val key: String,
) {
    private val log = LoggerFactory.getLogger(javaClass)
    private val staticIv = ByteArray(16)

    @GetMapping("/invoices")
    fun invoices(@RequestParam customer: String) = repo.invoicesFor(customer)

    @GetMapping("/invoices-safe")
    fun invoicesSafe(@RequestParam customer: String) = repo.invoicesForSafe(customer)

    @GetMapping("/owner")
    fun owner(@RequestParam uid: String): List<String> =
        ldap.search("ou=people", "(uid=$uid)") { attrs -> attrs.get("cn").get().toString() } // vuln: CWE-90

    @GetMapping("/owner-safe")
    fun ownerSafe(@RequestParam uid: String): List<String> =
        ldap.search(query().base("ou=people").where("uid").`is`(uid)) { attrs -> attrs.get("cn").get().toString() } // safe: CWE-90

    @PostMapping("/rates")
    fun rates(@RequestBody xml: String, @RequestParam currency: String): String {
        val doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.byteInputStream()) // vuln: CWE-611
        return XPathFactory.newInstance().newXPath().evaluate("//rate[@currency='$currency']", doc) // vuln: CWE-643
    }

    @GetMapping("/remote-rates")
    fun remoteRates(@RequestParam source: String): String = URL(source).readText() // vuln: CWE-918

    @GetMapping("/remote-rates-fixed")
    fun remoteRatesFixed(): String? =
        web.get().uri("https://rates.example.com/latest").retrieve().bodyToMono(String::class.java).block() // safe: CWE-918

    @GetMapping("/statement")
    fun statement(@RequestParam file: String): ByteArray = Files.readAllBytes(Paths.get("/srv/billing/statements", file)) // vuln: CWE-22

    @GetMapping("/statement/{id}")
    fun statementById(@PathVariable id: UUID): ByteArray = Files.readAllBytes(Paths.get("/srv/billing/statements", "$id.pdf")) // safe: CWE-22

    @PostMapping("/restore")
    fun restore(@RequestBody bytes: ByteArray): String = ObjectInputStream(bytes.inputStream()).use { it.readObject().toString() } // vuln: CWE-502

    @GetMapping("/pay")
    fun pay(@RequestParam returnUrl: String): ResponseEntity<Void> =
        ResponseEntity.status(302).header(HttpHeaders.LOCATION, returnUrl).build() // vuln: CWE-601

    @GetMapping("/receipt", produces = ["text/html"])
    fun receipt(@RequestParam name: String): String = "<h2>Receipt for $name</h2>" // vuln: CWE-79

    @GetMapping("/receipt-json")
    fun receiptJson(@RequestParam name: String): Map<String, String> = mapOf("name" to name) // safe: CWE-79

    @PostMapping("/charge")
    fun charge(@RequestParam card: String, @RequestParam amount: Long) {
        log.info("charging card {} amount {}", card, amount) // vuln: CWE-117
    }

    @PostMapping("/charge-id")
    fun chargeId(@RequestParam amount: Long) {
        log.info("charging {} cents", amount) // safe: CWE-117
    }

    @PostMapping("/reconcile")
    fun reconcile(@RequestParam script: String): Int =
        Runtime.getRuntime().exec("/opt/billing/reconcile.sh $script").waitFor() // vuln: CWE-78

    fun encrypt(data: ByteArray): ByteArray {
        val cipher = Cipher.getInstance("AES/CBC/PKCS5Padding")
        cipher.init(Cipher.ENCRYPT_MODE, SecretKeySpec(key.toByteArray(), "AES"), IvParameterSpec(staticIv)) // vuln: CWE-329
        return cipher.doFinal(data)
    }

    fun legacyEncrypt(data: ByteArray): ByteArray {
        val cipher = Cipher.getInstance("RC4") // vuln: CWE-327
        cipher.init(Cipher.ENCRYPT_MODE, SecretKeySpec(key.toByteArray(), "RC4"))
        return cipher.doFinal(data)
    }

    fun fingerprint(data: ByteArray): ByteArray = MessageDigest.getInstance("MD5").digest(data) // vuln: CWE-328
}
