// bastion-fixture: src/Acme.Web/Notifications/SlackNotifier.cs
public class SlackNotifier
{
    // A real bot token's shape, numeric ids included.
// expect: secret-literal
    private const string Token = "xoxb-2851042178-6453120987345-Kq7ZtR2mWx9pLc4VbN8sHd3F";
}
