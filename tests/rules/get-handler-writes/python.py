# bastion-fixture: app/api/tokens.py
from fastapi import APIRouter

router = APIRouter()

@router.get("/tokens/{token_id}/revoke")
def revoke(token_id: int, session: Session = Depends(db)) -> dict:
# expect: get-handler-writes
    session.delete(session.get(Token, token_id))
    session.commit()
    return {"ok": True}
