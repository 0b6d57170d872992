// bastion-fixture: Services/Tokens.cs
public class Tokens
{
    public string ResetToken()
    {
// expect: csharp-insecure-random
        var random = new Random();
        return random.Next(100000, 999999).ToString();
    }
}
