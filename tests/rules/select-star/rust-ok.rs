// bastion-fixture: src/store/orders.rs
// ok: select-star
pub async fn all(pool: &PgPool) -> Result<Vec<Order>, sqlx::Error> {
    sqlx::query("SELECT id, total FROM orders")
        .fetch_all(pool)
        .await
}
