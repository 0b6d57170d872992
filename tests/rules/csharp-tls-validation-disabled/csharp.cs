// bastion-fixture: Infrastructure/HttpSetup.cs
var handler = new HttpClientHandler
{
// expect: csharp-tls-validation-disabled
    ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => true,
};
// expect: csharp-tls-validation-disabled
var h2 = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
