// bastion-fixture: Program.cs
builder.Services.AddCors(o => o.AddPolicy("web", p =>
// expect: cors-any-origin-with-credentials
    p.SetIsOriginAllowed(origin => true).AllowAnyHeader().AllowCredentials()));
// expect: cors-any-origin-with-credentials
builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.AllowAnyOrigin().AllowCredentials()));
