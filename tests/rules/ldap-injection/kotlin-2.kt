// bastion-fixture: src/main/kotlin/demo/StaffController.kt
package demo

@Service
class StaffDirectory(private val ldap: LdapTemplate) {
    fun lookupByMail(mail: String): List<String> {
        val filter = "(&(objectClass=inetOrgPerson)(mail=$mail))"
// expect: ldap-injection
        return ldap.search("ou=staff", filter, mapper)
    }
}

@RestController
class StaffController(private val directory: StaffDirectory) {
    @GetMapping("/staff")
    fun managed(@RequestHeader("X-Staff-Mail") staffMail: String) = directory.lookupByMail(staffMail)
}
