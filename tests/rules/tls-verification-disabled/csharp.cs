// bastion-fixture: Infrastructure/HttpSetup.cs
var handler = new HttpClientHandler
{
// expect: tls-verification-disabled
    ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => true,
};
// expect: tls-verification-disabled
var h2 = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
