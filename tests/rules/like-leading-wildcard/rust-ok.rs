// bastion-fixture: src/store/products.rs
// ok: like-leading-wildcard
pub async fn search(pool: &PgPool, q: &str) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM products WHERE name LIKE $1 || '%'")
        .bind(q)
        .fetch_all(pool)
        .await
}
