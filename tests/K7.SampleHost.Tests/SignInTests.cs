using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using K7.SampleHost.Domain;
using K7.SampleHost.Endpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
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

    [Theory]
    [InlineData("202", "Nope-nope1")]
    [InlineData("999", "Welcome-K7demo")]
    [InlineData("202@k7.example", "welcome-k7demo")]
    public async Task WrongLoginOrPassword_Is401_NamingThePassword(string login, string password)
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var response = await host.Client.PostAsJsonAsync("/api/session", new { login, password });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("password", problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task NoToken_Is401()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var response = await host.Client.GetAsync("/api/users/me/profile");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task MalformedBody_Is400_NamingTheProperty()
    {
        await using var host = await HostUnderTest.StartAsync(new FakeClock(HostUnderTest.GuideMorning));
        using var content = new StringContent("{\"login\": \"202\", \"password\": 12}", System.Text.Encoding.UTF8, "application/json");
        using var response = await host.Client.PostAsync("/api/session", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("$.password", out _), problem.ToString());
    }

    [Fact]
    public async Task Mfa_SetUpConfirmed_SignInNeedsACode_AndACodeIsAcceptedOnce()
    {
        var clock = new FakeClock(HostUnderTest.GuideMorning);
        await using var host = await HostUnderTest.StartAsync(clock);
        using var ellen = await host.SignInAsync("202");

        using (var wrong = await ellen.PostAsJsonAsync("/api/users/me/profile/mfa/setup", new { password = "Not-the-password1" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var setup = await (await ellen.PostAsJsonAsync("/api/users/me/profile/mfa/setup", new { password = Seed.DemoDomain.Password })).Content.ReadFromJsonAsync<JsonElement>();
        var secret = setup.GetProperty("secret").GetString()!;
        Assert.StartsWith("otpauth://totp/", setup.GetProperty("otpAuthUri").GetString(), StringComparison.Ordinal);

        using (var bad = await ellen.PostAsJsonAsync("/api/users/me/profile/mfa/confirm", new { code = "000000" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("\"code\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var ok = await ellen.PostAsJsonAsync("/api/users/me/profile/mfa/confirm", new { code = MultiFactor.Code(secret, clock.GetCurrentInstant()) }))
        {
            Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        }

        // Turning multi-factor on is a security change: the old token no longer works.
        using (var stale = await ellen.GetAsync("/api/users/me/profile"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        }

        using (var noCode = await host.Client.PostAsJsonAsync("/api/session", new { login = "202", password = Seed.DemoDomain.Password }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, noCode.StatusCode);
            var problem = await noCode.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(SessionEndpoints.MfaRequiredType, problem.GetProperty("type").GetString());
            Assert.Equal("code", problem.GetProperty("field").GetString());
        }

        clock.Advance(Duration.FromSeconds(30));
        var code = MultiFactor.Code(secret, clock.GetCurrentInstant());
        using (await host.SignInAsync("202", code: code))
        {
        }

        using var replay = await host.Client.PostAsJsonAsync("/api/session", new { login = "202", password = Seed.DemoDomain.Password, code });
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
    }

    [Fact]
    public async Task Refresh_GivesANewToken_UntilTheRefreshTokenExpires()
    {
        var clock = new FakeClock(HostUnderTest.GuideMorning);
        await using var host = await HostUnderTest.StartAsync(clock);
        using var signIn = await host.Client.PostAsJsonAsync("/api/session", new { login = "203", password = Seed.DemoDomain.Password });
        var tokens = await signIn.Content.ReadFromJsonAsync<JsonElement>();
        var refresh = tokens.GetProperty("refreshToken").GetString();

        clock.Advance(Duration.FromHours(2));
        using (var expired = new HttpRequestMessage(HttpMethod.Get, "/api/users/me/profile"))
        {
            expired.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
            using var response = await host.Client.SendAsync(expired);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using (var renewed = await host.Client.PostAsJsonAsync("/api/session/refresh", new { refreshToken = refresh }))
        {
            Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        }

        clock.Advance(Duration.FromDays(15));
        using var tooLate = await host.Client.PostAsJsonAsync("/api/session/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.Unauthorized, tooLate.StatusCode);
    }
}

public sealed class SignInThrottleTests
{
    [Fact]
    public async Task FiveFailuresInARow_LockTheLogin_EvenForTheRightPassword_UntilTheLockEnds()
    {
        var clock = new FakeClock(HostUnderTest.GuideMorning);
        await using var host = await HostUnderTest.StartAsync(clock);
        for (var i = 0; i < Domain.SignInThrottle.MaxFailures; i++)
        {
            using var wrong = await host.Client.PostAsJsonAsync("/api/session", new { login = i % 2 == 0 ? "202" : "202@K7.example", password = "Wrong-guess" + i });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var locked = await host.Client.PostAsJsonAsync("/api/session", new { login = "202", password = Seed.DemoDomain.Password }))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
            var problem = await locked.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("login", problem.GetProperty("field").GetString());
            Assert.Equal(300, problem.GetProperty("retryAfterSeconds").GetInt32());
        }

        using (var other = await host.SignInAsync("203"))
        {
        }

        clock.Advance(Domain.SignInThrottle.LockDuration);
        using (await host.SignInAsync("202"))
        {
        }
    }

    [Fact]
    public void ASuccess_ClearsTheCount()
    {
        var clock = new FakeClock(HostUnderTest.GuideMorning);
        var throttle = new Domain.SignInThrottle(clock);
        for (var i = 0; i < Domain.SignInThrottle.MaxFailures - 1; i++)
        {
            throttle.Failed("202");
        }

        throttle.Succeeded("202");
        throttle.Failed("202");
        Assert.False(throttle.IsLocked("202", out _));
        for (var i = 0; i < Domain.SignInThrottle.MaxFailures - 1; i++)
        {
            throttle.Failed("202@K7.example");
        }

        Assert.False(throttle.IsLocked("202@k7.example", out _));
        throttle.Failed("202@k7.EXAMPLE");
        Assert.True(throttle.IsLocked("202@k7.example", out var until));
        Assert.Equal(clock.GetCurrentInstant() + Domain.SignInThrottle.LockDuration, until);
    }
}

public sealed class PasswordRehashTests
{
    [Fact]
    public async Task SignIn_MakesAHashWithFewerIterationsThanConfiguredAgain()
    {
        var clock = new FakeClock(HostUnderTest.GuideMorning);
        var folder = Path.Combine(Path.GetTempPath(), "k7-host-rehash-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            await using (await HostUnderTest.StartAsync(clock, folder))
            {
            }

            // The operator raises the iteration count; the demo hashes (1,000) are made again at the next sign-in.
            await using var stronger = await HostUnderTest.StartAsync(clock, folder, "--K7:PasswordHashIterations=2000");
            var users = stronger.Services.GetRequiredService<UserDirectory>();
            var hashing = stronger.Services.GetRequiredService<PasswordHashing>();
            var before = users.Find("202")!.PasswordHash;
            Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, hashing.Verify(Seed.DemoDomain.Password, before));
            using (await stronger.SignInAsync("202"))
            {
            }

            Assert.Equal(PasswordVerificationResult.Success, hashing.Verify(Seed.DemoDomain.Password, users.Find("202")!.PasswordHash));
            Assert.Equal(before, users.Find("203")!.PasswordHash);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
