// bastion-fixture: Program.cs
// ok: cors-any-origin-with-credentials
builder.Services.AddCors(o => o.AddPolicy("web", p =>
    p.WithOrigins("https://app.example.com").AllowCredentials()));
builder.Services.AddCors(o => o.AddPolicy("public", p => p.AllowAnyOrigin()));
