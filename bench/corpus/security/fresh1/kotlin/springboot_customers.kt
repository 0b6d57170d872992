package com.acme.crm.customers

import com.fasterxml.jackson.databind.ObjectMapper
import org.springframework.data.annotation.Id
import org.springframework.data.domain.Sort
import org.springframework.data.mongodb.core.MongoTemplate
import org.springframework.data.mongodb.core.mapping.Document
import org.springframework.data.mongodb.core.query.BasicQuery
import org.springframework.data.mongodb.core.query.Criteria
import org.springframework.data.mongodb.core.query.Query
import org.springframework.http.ResponseEntity
import org.springframework.ldap.core.AttributesMapper
import org.springframework.ldap.core.LdapTemplate
import org.springframework.ldap.query.LdapQueryBuilder.query
import org.springframework.stereotype.Service
import org.springframework.web.bind.annotation.GetMapping
import org.springframework.web.bind.annotation.PatchMapping
import org.springframework.web.bind.annotation.PathVariable
import org.springframework.web.bind.annotation.RequestBody
import org.springframework.web.bind.annotation.RequestHeader
import org.springframework.web.bind.annotation.RequestMapping
import org.springframework.web.bind.annotation.RequestParam
import org.springframework.web.bind.annotation.RestController
import java.math.BigDecimal

@Document("customers")
data class Customer(
    @Id var id: String? = null,
    var name: String = "",
    var email: String = "",
    var segment: String = "retail",
    var accountManager: String? = null,
    var creditLimit: BigDecimal = BigDecimal.ZERO,
    var verified: Boolean = false,
)

data class Directory(val uid: String, val displayName: String?, val mail: String?)

@Service
class CustomerSearch(private val mongo: MongoTemplate) {

    fun bySegmentAndCity(segment: String, city: String?): List<Customer> {
        val filter = StringBuilder("{ 'segment': '").append(segment).append("'")
        if (!city.isNullOrBlank()) filter.append(", 'address.city': '").append(city).append("'")
        filter.append(" }")
        return mongo.find(BasicQuery(filter.toString()), Customer::class.java) // vuln: CWE-943
    }

    fun byManager(manager: String, page: Int): List<Customer> {
        val q = Query(Criteria.where("accountManager").`is`(manager)).with(Sort.by("name")).skip(page * 50L).limit(50)
        return mongo.find(q, Customer::class.java) // safe: CWE-943
    }
}

@Service
class StaffDirectory(private val ldap: LdapTemplate) {

    private val mapper = AttributesMapper { attrs ->
        Directory(attrs.get("uid").get() as String, attrs.get("cn")?.get() as String?, attrs.get("mail")?.get() as String?)
    }

    fun lookupByMail(mail: String): List<Directory> {
        val filter = "(&(objectClass=inetOrgPerson)(mail=$mail))"
        return ldap.search("ou=staff", filter, mapper) // vuln: CWE-90
    }

    fun lookupByUid(uid: String): List<Directory> =
        ldap.search(query().base("ou=staff").where("objectClass").`is`("inetOrgPerson").and("uid").`is`(uid), mapper) // safe: CWE-90
}

@RestController
@RequestMapping("/api/customers")
class CustomerController(
    private val search: CustomerSearch,
    private val directory: StaffDirectory,
    private val mongo: MongoTemplate,
    private val objectMapper: ObjectMapper,
) {

    @GetMapping
    fun list(@RequestParam segment: String, @RequestParam(required = false) city: String?): List<Customer> =
        search.bySegmentAndCity(segment, city)

    @GetMapping("/managed")
    fun managed(@RequestHeader("X-Staff-Mail") staffMail: String, @RequestParam(defaultValue = "0") page: Int): ResponseEntity<List<Customer>> {
        val staff = directory.lookupByMail(staffMail).firstOrNull() ?: return ResponseEntity.status(403).build()
        return ResponseEntity.ok(search.byManager(staff.uid, page))
    }

    @GetMapping("/managers/{uid}")
    fun manager(@PathVariable uid: String): ResponseEntity<Directory> =
        directory.lookupByUid(uid).firstOrNull()?.let { ResponseEntity.ok(it) } ?: ResponseEntity.notFound().build()

    @PatchMapping("/{id}")
    fun update(@PathVariable id: String, @RequestBody changes: Map<String, Any?>): ResponseEntity<Customer> {
        val customer = mongo.findById(id, Customer::class.java) ?: return ResponseEntity.notFound().build()
        val updated = objectMapper.updateValue(customer, changes) // vuln: CWE-915
        return ResponseEntity.ok(mongo.save(updated))
    }
}
