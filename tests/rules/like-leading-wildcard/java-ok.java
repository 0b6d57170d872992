// bastion-fixture: src/main/java/app/ProductRepository.java
// ok: like-leading-wildcard
interface ProductRepository extends JpaRepository<Product, Long> {
  List<Product> findByNameStartingWith(String name);
}
