// bastion-fixture: src/main/kotlin/shop/web/ProductController.kt
// An unannotated data class parameter is bound from the query string.
package shop.web

import org.springframework.jdbc.core.JdbcTemplate
import org.springframework.web.bind.annotation.GetMapping
import org.springframework.web.bind.annotation.RestController

data class ProductFilter(val sort: String = "id", val category: String? = null)

@RestController
class ProductController(private val jdbc: JdbcTemplate) {
    @GetMapping("/products")
    fun list(filter: ProductFilter): List<Map<String, Any>> =
// expect: sql-injection
        jdbc.queryForList("select id, name from products order by ${filter.sort}")
}
