// bastion-fixture: src/main/kotlin/demo/CustomerSearch.kt
// ok: nosql-injection
package demo

@RestController
class CustomerSearch(private val mongo: MongoTemplate) {
    @GetMapping("/customers")
    fun bySegment(@RequestParam segment: String): List<Customer> {
        val q = Query(Criteria.where("segment").`is`(segment))
        return mongo.find(q, Customer::class.java)
    }

    @GetMapping("/customers/active")
    fun active(): List<Customer> = mongo.find(BasicQuery("{ 'active': true }"), Customer::class.java)
}
