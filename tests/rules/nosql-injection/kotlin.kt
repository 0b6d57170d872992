// bastion-fixture: src/main/kotlin/demo/CustomerSearch.kt
package demo

@RestController
class CustomerSearch(private val mongo: MongoTemplate) {
    @GetMapping("/customers")
    fun bySegment(@RequestParam segment: String): List<Customer> {
        val filter = StringBuilder("{ 'segment': '").append(segment).append("' }")
// expect: nosql-injection
        return mongo.find(BasicQuery(filter.toString()), Customer::class.java)
    }
}
