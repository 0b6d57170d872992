// bastion-fixture: src/Api/Constants/PolicyConstants.cs
public static class PolicyConstants
{
    public const string ChangePasswordRole = "Change Password";
// expect: hardcoded-credentials
    public const string AdminPassword = "Adm1n!Kavita2024";
// expect: hardcoded-credentials
    public const string ServiceTokenUrl = "https://svc:Zq81nVx4@example.org/hook";
}
