// bastion-fixture: src/main/kotlin/app/ProductRepository.kt
// ok: like-leading-wildcard
interface ProductRepository : JpaRepository<Product, Long> {
    fun findByName(name: String): List<Product>
}
