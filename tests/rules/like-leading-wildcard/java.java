// bastion-fixture: src/main/java/app/ProductRepository.java
interface ProductRepository extends JpaRepository<Product, Long> {
// expect: like-leading-wildcard
  List<Product> findByNameContainingIgnoreCase(String name);
}
