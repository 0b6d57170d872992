"""The pattern checks' view of a source file: comments blanked, lines kept."""

from __future__ import annotations

from bot.diff import added_file
from bot.rules.lib.code_text import code_text
from bot.rules.query_patterns import like_hits, select_star_hits

RUST = """// SELECT * FROM history (an old query, kept for reference)
pub async fn search(pool: &SqlitePool, term: &str) -> Result<Vec<History>> {
    /* the index on command cannot serve
       a leading wildcard */
    let rows = sqlx::query_as("SELECT id, command FROM history WHERE command = ?1")
        .bind(term)
        .fetch_all(pool)
        .await?;
    Ok(rows)
}
"""


def test_rust_comments_are_blanked_and_the_query_checks_run() -> None:
    file = added_file("crates/client/src/database.rs", RUST).model_copy(update={"language": "rust"})
    text = code_text(file)
    assert "SELECT *" not in text and "leading wildcard" not in text
    assert text.count("\n") == RUST.count("\n")
    assert '"SELECT id, command FROM history WHERE command = ?1"' in text
    # Before Rust's comment kinds were listed, ast-grep raised "cannot get matcher".
    assert select_star_hits(file) == []
    assert like_hits(file) == []
