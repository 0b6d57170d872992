// bastion-fixture: Infrastructure/HttpSetup.cs
// ok: tls-verification-disabled
var handler = new HttpClientHandler
{
    ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) =>
        errors == SslPolicyErrors.None || cert?.Thumbprint == PinnedThumbprint,
};
