// bastion-fixture: src/main/kotlin/app/ProductRepository.kt
interface ProductRepository : JpaRepository<Product, Long> {
// expect: like-leading-wildcard
    fun findByNameEndingWith(name: String): List<Product>
}
