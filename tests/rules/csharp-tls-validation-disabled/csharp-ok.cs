// bastion-fixture: Infrastructure/HttpSetup.cs
// ok: csharp-tls-validation-disabled
var handler = new HttpClientHandler
{
    ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) =>
        errors == SslPolicyErrors.None || cert?.Thumbprint == PinnedThumbprint,
};
