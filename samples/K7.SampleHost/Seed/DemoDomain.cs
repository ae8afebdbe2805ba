using System.Collections.Immutable;
using System.Security.Cryptography;
using K7.Routing;
using K7.SampleHost.Domain;
using K7.SampleHost.Routing;
using K7.SampleHost.TimeFrames;
using K7.Sip.Devices;
using K7.TimeFrames;
using NodaTime;

namespace K7.SampleHost.Seed;

/// <summary>
/// The demo domain of the portal guide: its users, their phones, the "Early Release" and "Out of Office" time
/// frames, and Ellen Green's Default and Out of Office answering rules. Written once, into an empty data folder.
/// </summary>
public static class DemoDomain
{
    /// <summary>The password of every demo user (printed at start; change it on the Profile page).</summary>
    public const string Password = "Welcome-K7demo";

    /// <summary>The demo users: extension, first name, last name, role, phones (suffix and model).</summary>
    public static readonly ImmutableArray<(string Extension, string First, string Last, PortalRole Role, (string Suffix, string Model)[] Phones)> Users =
    [
        ("201", "Suzanne", "May", PortalRole.OfficeManager, [(string.Empty, "Yealink T54W"), ("wp", "WebPhone")]),
        ("202", "Ellen", "Green", PortalRole.User, [(string.Empty, "Polycom VVX 450"), ("wp", "WebPhone")]),
        ("203", "Gary", "Smith", PortalRole.User, [(string.Empty, "Yealink T46U"), ("wp", "WebPhone")]),
        ("207", "Tim", "Garcia", PortalRole.User, [(string.Empty, "Yealink T46U")]),
        ("210", "Maggie", "Matthews", PortalRole.User, [(string.Empty, "Polycom VVX 250")]),
    ];

    /// <summary>Writes the demo domain: users, phones, time frames and rules.</summary>
    /// <param name="settings">The host settings (domain, time zone, password hashing).</param>
    /// <param name="users">The user directory.</param>
    /// <param name="devices">The phones.</param>
    /// <param name="timeFrames">The time frames.</param>
    /// <param name="rules">The answering rules.</param>
    public static void Write(HostSettings settings, UserDirectory users, DeviceRegistry devices, TimeFrameStore timeFrames, AnsweringRulesStore rules)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(timeFrames);
        ArgumentNullException.ThrowIfNull(rules);
        var options = settings.Options;
        var hash = new PasswordHashing(settings).Hash(Password);
        foreach (var (extension, first, last, role, phones) in Users)
        {
            var sip = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var (suffix, model) in phones)
            {
                var device = new Device(extension, suffix, model, lineNumber: 1);
                if (devices.Find(device.Name) is null)
                {
                    devices.Add(device);
                }

                sip[device.Name] = NewSipPassword();
            }

            users.Put(new PortalUser
            {
                Extension = extension,
                Login = $"{extension}@{options.Domain}",
                FirstName = first,
                LastName = last,
                TimeZone = options.TimeZone,
                Role = role,
                CallerId = "(555) 555-0" + extension,
                Emails = [$"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}@{options.Domain}"],
                PasswordHash = hash,
                SipPasswords = sip.ToImmutable(),
            });
        }

        var zone = DateTimeZoneProviders.Tzdb[options.TimeZone];
        timeFrames.Replace(
        [
            // Guide 7: "Early Release", Ellen's own frame: Fridays 1 PM to 5 PM and Saturdays 8 AM to noon.
            new TimeFrame("Early Release", TimeFrameOwner.User("202"), zone, new DaysOfWeekDefinition(
                new DaySchedule(IsoDayOfWeek.Friday, new TimeRange(new LocalTime(13, 0), new LocalTime(17, 0))),
                new DaySchedule(IsoDayOfWeek.Saturday, new TimeRange(new LocalTime(8, 0), new LocalTime(12, 0))))),

            // Guide 7: "Out of Office", the domain's frame: Holidays, 1 holiday (New Year's Day, every year).
            new TimeFrame("Out of Office", TimeFrameOwner.Domain, zone, new HolidaysDefinition(HolidaySelection.FromCalendar("US", "new-year"))),
        ]);

        // Guide 6: Default "Simultaneously ring 202wp, 202"; Out of Office adds "Forward when unanswered to User - 207".
        rules.Update("202", _ => AnsweringRuleSet.CreateDefault("202")
            .Replace(AnsweringRule.Default with { SimultaneousRing = new SimultaneousRing { RingAllUserPhones = true } })
            .Add(AnsweringRule.For("Out of Office") with
            {
                SimultaneousRing = new SimultaneousRing { RingAllUserPhones = true },
                Forwarding = new CallForwarding { WhenUnanswered = Destination.User("207") },
            })
            .WithRingTimeout(Duration.FromSeconds(options.Sip.RingTimeoutSeconds)));
    }

    /// <summary>A random SIP password (20 characters of letters and digits).</summary>
    public static string NewSipPassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}
