// bastion-fixture: src/store/products.rs
pub async fn search(pool: &PgPool, q: &str) -> Result<Vec<i64>, sqlx::Error> {
// expect: like-leading-wildcard
    sqlx::query_scalar("SELECT id FROM products WHERE name LIKE '%' || $1")
        .bind(q)
        .fetch_all(pool)
        .await
}
