# bastion-fixture: app/main.py
# ok: cors-any-origin-with-credentials
app.add_middleware(CORSMiddleware, allow_origins=['*'])
app.add_middleware(
    CORSMiddleware, allow_origins=ORIGINS, allow_credentials=True
)
