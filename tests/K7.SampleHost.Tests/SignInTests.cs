using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NodaTime.Testing;

namespace K7.SampleHost.Tests;

public sealed class SignInTests
{
    [Fact]
    public async Task DemoUser_SignsIn_AndSeesOwnProfile()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var ellen = await host.SignInAsync("202@k7.example");
        var profile = await ellen.GetFromJsonAsync<JsonElement>("/api/users/me/profile");
        Assert.Equal("Ellen", profile.GetProperty("firstName").GetString());
        Assert.Equal("202", profile.GetProperty("extension").GetString());
    }

    [Fact]
    public async Task WrongPassword_Is401_NamingThePassword()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var response = await host.Client.PostAsJsonAsync("/api/session", new { login = "202", password = "Nope-nope1" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("password", problem.GetProperty("field").GetString());
    }
}
