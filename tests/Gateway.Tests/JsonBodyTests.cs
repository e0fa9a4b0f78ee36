using iAyos.Messaging.Gateway.Http;

namespace iAyos.Messaging.Gateway.Tests;

public class JsonBodyTests
{
    [Theory]
    [InlineData("$.budget", "budget")]
    [InlineData("$.tags[2]", "tags[2]")]
    [InlineData("$", "body")]
    [InlineData(null, "body")]
    [InlineData("", "body")]
    public void FieldOf_names_the_client_field_from_the_json_path(string? path, string field) =>
        Assert.Equal(field, JsonBody.FieldOf(path));
}
