// bastion-fixture: Program.cs
builder.Services.AddAuthentication().AddJwtBearer(o =>
{
    o.TokenValidationParameters = new TokenValidationParameters
    {
// expect: csharp-jwt-validation-disabled
        ValidateIssuerSigningKey = false,
// expect: csharp-jwt-validation-disabled
        RequireSignedTokens = false,
// expect: csharp-jwt-validation-disabled
        ValidateLifetime = false,
    };
});
