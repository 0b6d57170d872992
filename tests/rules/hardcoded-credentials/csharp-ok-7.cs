// bastion-fixture: src/Backend/Cdc/ReplicationSlotProof.cs
// ok: hardcoded-credentials
// The constant is the format prefix of a token the code builds, not a credential.
namespace Example.Backend.Cdc;

public sealed record ReplicationSlotProof
{
    private const string DatabaseIdentityTokenPrefix = "postgresql_database_identity_sha256:";

    public string Token(string digest) => DatabaseIdentityTokenPrefix + digest;
}
