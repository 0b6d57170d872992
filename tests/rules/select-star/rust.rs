// bastion-fixture: src/store/orders.rs
pub async fn all(pool: &PgPool) -> Result<Vec<Order>, sqlx::Error> {
// expect: select-star
    sqlx::query("SELECT * FROM orders")
        .fetch_all(pool)
        .await
}
