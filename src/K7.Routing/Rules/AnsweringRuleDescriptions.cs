using System.Text;

namespace K7.Routing;

/// <summary>The portal's one-line description of an answering rule.</summary>
public static class AnsweringRuleDescriptions
{
    /// <summary>Describes <paramref name="rule"/> as the Answering Rules page does, for example
    /// "Simultaneously ring 202wp, 202 · Forward when unanswered to User - 207 (Tim Garcia)".</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="userId">The user whose rule it is (their extension appears as "202").</param>
    /// <param name="userNames">Looks up users' display names for "User - 207 (Tim Garcia)"; may be <see langword="null"/>.</param>
    /// <param name="userPhones">The user's phones in the order to name them for "ring all user's phones" (device names
    /// such as "202wp", "202"); when <see langword="null"/> or empty, "all phones of 202" is written.</param>
    /// <returns>The description.</returns>
    public static string Describe(this AnsweringRule rule, string userId, Func<string, string?>? userNames = null, IReadOnlyList<string>? userPhones = null)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var parts = new List<string>();
        if (!rule.Enabled)
        {
            parts.Add("Disabled");
        }

        if (rule.DoNotDisturb)
        {
            parts.Add("Do not disturb");
        }

        if (rule.CallScreening)
        {
            parts.Add("Screen calls");
        }

        if (rule.SimultaneousRing is { } ring)
        {
            var ringing = new StringBuilder("Simultaneously ring ");
            var names = ring.Targets.Select(t => t.Delay == NodaTime.Duration.Zero ? t.Destination.Describe(userNames) : $"{t.Destination.Describe(userNames)} (after {t.Delay.TotalSeconds:0} s)").ToList();
            if (ring.RingAllUserPhones && userPhones is { Count: > 0 })
            {
                names.AddRange(userPhones);
            }
            else if (ring.RingAllUserPhones)
            {
                names.Add($"all phones of {userId}");
            }
            else if (ring.IncludeUserExtension)
            {
                names.Add(userId);
            }

            ringing.AppendJoin(", ", names);
            if (ring.AnswerConfirmationForOffNet && ring.Targets.Any(t => t.Destination.IsOffNet))
            {
                ringing.Append(" (confirm off-net answers)");
            }

            parts.Add(ringing.ToString());
        }
        else if (rule.Forwarding.Always is null && !rule.DoNotDisturb)
        {
            parts.Add($"Ring {userId}");
        }

        var forwarding = rule.Forwarding;
        Add(parts, "Forward always to", forwarding.Always, userNames);
        Add(parts, "Forward on active to", forwarding.OnActive, userNames);
        Add(parts, "Forward when busy to", forwarding.WhenBusy, userNames);
        Add(parts, "Forward when unanswered to", forwarding.WhenUnanswered, userNames);
        Add(parts, "Forward when offline to", forwarding.WhenOffline, userNames);
        Add(parts, "Forward on do not disturb to", forwarding.OnDoNotDisturb, userNames);
        return string.Join(" · ", parts);
    }

    private static void Add(List<string> parts, string text, Destination? destination, Func<string, string?>? userNames)
    {
        if (destination is not null)
        {
            parts.Add($"{text} {destination.Describe(userNames)}");
        }
    }
}
