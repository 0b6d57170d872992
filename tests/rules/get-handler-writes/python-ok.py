# bastion-fixture: app/api/tokens.py
# ok: get-handler-writes
from fastapi import APIRouter

router = APIRouter()

@router.get("/articles/{article_id}")
def article(article_id: int, session: Session = Depends(db)) -> dict:
    item = session.get(Article, article_id)
    item.view_count += 1
    session.add(item)
    return item

@router.delete("/tokens/{token_id}")
def revoke(token_id: int, session: Session = Depends(db)) -> None:
    session.delete(session.get(Token, token_id))
