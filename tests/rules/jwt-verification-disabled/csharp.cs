// bastion-fixture: Program.cs
builder.Services.AddAuthentication().AddJwtBearer(o =>
{
    o.TokenValidationParameters = new TokenValidationParameters
    {
// expect: jwt-verification-disabled
        ValidateIssuerSigningKey = false,
// expect: jwt-verification-disabled
        RequireSignedTokens = false,
// expect: jwt-verification-disabled
        ValidateLifetime = false,
    };
});
