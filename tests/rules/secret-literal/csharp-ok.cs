// bastion-fixture: tests/Acme.Tests/Controllers/ProjectControllerTests.cs
// ok: secret-literal
public class ProjectControllerTests
{
    // A made-up code in a test: the token's prefix, no ids.
    [Fact]
    public async Task AddSlackAsync_WithValidCode_Saves()
    {
        var result = await _client.PostAsync("/api/v2/projects/1/slack?code=xoxp-valid-slack-code", null);
        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
    }
}
