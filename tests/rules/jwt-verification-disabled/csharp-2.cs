// bastion-fixture: Program.cs
builder.Services.AddAuthentication().AddJwtBearer(o =>
{
    o.TokenValidationParameters = new TokenValidationParameters
    {
        ValidateIssuer = true,
// expect: jwt-verification-disabled
        SignatureValidator = (token, parameters) => new JsonWebToken(token),
    };
});
