// bastion-fixture: Services/Tokens.cs
// ok: insecure-random
public class Tokens
{
    public string ResetToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
    public int Jitter()
    {
        var random = new Random();
        return random.Next(0, 250);
    }
}
