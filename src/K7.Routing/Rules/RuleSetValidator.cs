using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace K7.Routing;

/// <summary>Checks answering rules; every failure names the field and the reason.</summary>
internal static class RuleSetValidator
{
    public static void Validate(AnsweringRuleSet set)
    {
        if (string.IsNullOrWhiteSpace(set.UserId))
        {
            Fail("UserId", "A user is required.");
        }

        ValidateText(set.UserId, "UserId", 64);

        if (set.RingTimeout < AnsweringRuleSet.MinRingTimeout || set.RingTimeout > AnsweringRuleSet.MaxRingTimeout || set.RingTimeout.SubsecondNanoseconds != 0)
        {
            Fail("RingTimeout", $"Ring for 5 to 300 whole seconds; {set.RingTimeout.TotalSeconds} is outside that.");
        }

        if (set.AllowList is null)
        {
            Fail("AllowList", "An allow list is required (it may be empty).");
        }

        if (set.BlockList is null)
        {
            Fail("BlockList", "A block list is required (it may be empty).");
        }

        if (set.Default is null)
        {
            Fail("Default", "The Default rule is required.");
        }

        if (set.Default.TimeFrame is not null)
        {
            Fail("Default.TimeFrame", "The Default rule has no time frame: it applies whenever no other rule does.");
        }

        ValidateRule(set.Default, "Default", set.UserId);
        if (set.Rules.Length > AnsweringRuleSet.MaxRules)
        {
            Fail("Rules", $"A user has at most {AnsweringRuleSet.MaxRules} rules besides Default; this set has {set.Rules.Length}.");
        }

        for (var i = 0; i < set.Rules.Length; i++)
        {
            var rule = set.Rules[i];
            var path = $"Rules[{i}]";
            if (rule is null)
            {
                Fail(path, "A rule is required.");
            }

            if (string.IsNullOrWhiteSpace(rule.TimeFrame))
            {
                Fail($"{path}.TimeFrame", "Select the time frame during which the rule applies.");
            }

            ValidateText(rule.TimeFrame, $"{path}.TimeFrame", K7.TimeFrames.TimeFrame.MaxNameLength);
            if (string.Equals(rule.TimeFrame, "Default", StringComparison.OrdinalIgnoreCase))
            {
                Fail($"{path}.TimeFrame", "'Default' is the name of the Default rule, not of a time frame.");
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(set.Rules[j].TimeFrame, rule.TimeFrame, StringComparison.OrdinalIgnoreCase))
                {
                    Fail($"{path}.TimeFrame", $"The time frame '{rule.TimeFrame}' already has a rule (at position {j}).");
                }
            }

            ValidateRule(rule, path, set.UserId);
        }
    }

    /// <summary>Checks one rule of <paramref name="userId"/> as <see cref="Validate"/> checks each rule of a set; fields are named from the rule (<c>Forwarding.WhenBusy</c>).</summary>
    public static void ValidateRule(AnsweringRule rule, string userId)
    {
        const string Prefix = "Rule.";
        try
        {
            ValidateRule(rule, "Rule", userId);
        }
        catch (RoutingValidationException ex) when (ex.Field.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new RoutingValidationException(ex.Field[Prefix.Length..], ex.Reason, ex.InnerException);
        }
    }

    private static void ValidateRule(AnsweringRule rule, string path, string userId)
    {
        var forwarding = rule.Forwarding;
        if (forwarding is null)
        {
            Fail($"{path}.Forwarding", "Forwarding is required (use CallForwarding.None).");
        }

        ValidateDestination(forwarding.Always, $"{path}.Forwarding.Always");
        ValidateDestination(forwarding.OnActive, $"{path}.Forwarding.OnActive");
        ValidateDestination(forwarding.WhenBusy, $"{path}.Forwarding.WhenBusy");
        ValidateDestination(forwarding.WhenUnanswered, $"{path}.Forwarding.WhenUnanswered");
        ValidateDestination(forwarding.WhenOffline, $"{path}.Forwarding.WhenOffline");
        ValidateDestination(forwarding.OnDoNotDisturb, $"{path}.Forwarding.OnDoNotDisturb");
        if (forwarding.WhenBusy is not null && rule.SimultaneousRing is not null)
        {
            Fail($"{path}.Forwarding.WhenBusy", "\"When busy\" is only available with \"just ring user's extension\", not with simultaneous ring.");
        }

        foreach (var (destination, name) in new[] { (forwarding.Always, "Always"), (forwarding.OnActive, "OnActive"), (forwarding.WhenBusy, "WhenBusy"), (forwarding.WhenUnanswered, "WhenUnanswered"), (forwarding.WhenOffline, "WhenOffline"), (forwarding.OnDoNotDisturb, "OnDoNotDisturb") })
        {
            if (destination is { Kind: DestinationKind.UserDevices })
            {
                Fail($"{path}.Forwarding.{name}", "Calls are forwarded to a user, a device, a number, a voicemail box or a conference; \"all phones of a user\" is a ring target.");
            }
        }

        if (rule.SimultaneousRing is { } ring)
        {
            var ringPath = $"{path}.SimultaneousRing";
            if (!ring.IncludeUserExtension && !ring.RingAllUserPhones && ring.Targets.IsEmpty)
            {
                Fail(ringPath, "Simultaneous ring needs something to ring: the user's extension, all the user's phones, or an extra destination.");
            }

            for (var i = 0; i < ring.Targets.Length; i++)
            {
                var target = ring.Targets[i];
                var targetPath = $"{ringPath}.Targets[{i}]";
                if (target is null)
                {
                    Fail(targetPath, "A ring target is required.");
                }

                ValidateDestination(target.Destination, $"{targetPath}.Destination");
                if (target.Destination is null)
                {
                    Fail($"{targetPath}.Destination", "A destination is required.");
                }

                if (target.Destination.Kind is DestinationKind.Voicemail or DestinationKind.Conference)
                {
                    Fail($"{targetPath}.Destination", "Simultaneous ring rings devices, extensions and numbers, not a voicemail box or a conference.");
                }

                if (target.Delay < Duration.Zero || target.Delay > RingTarget.MaxDelay || target.Delay.SubsecondNanoseconds != 0)
                {
                    Fail($"{targetPath}.Delay", $"A ring delay is 0 to 10 whole seconds; {target.Delay.TotalSeconds} is outside that.");
                }

                if (ring.IncludeUserExtension && !ring.RingAllUserPhones && target.Destination == Destination.Device(userId))
                {
                    Fail($"{targetPath}.Destination", $"{userId} is the user's extension, which already rings (\"include user's extension\").");
                }

                if (ring.RingAllUserPhones && target.Destination.Kind is DestinationKind.UserDevices or DestinationKind.Device && target.Destination.Value == userId)
                {
                    Fail($"{targetPath}.Destination", $"All phones of {userId} already ring (\"ring all user's phones\").");
                }

                for (var j = 0; j < i; j++)
                {
                    if (ring.Targets[j].Destination == target.Destination)
                    {
                        Fail($"{targetPath}.Destination", $"{target.Destination} is already a ring target (at position {j}).");
                    }
                }
            }
        }
    }

    private static void ValidateDestination(Destination? destination, string path)
    {
        if (destination is null)
        {
            return;
        }

        if (!Enum.IsDefined(destination.Kind))
        {
            Fail($"{path}.Kind", $"'{destination.Kind}' is not a kind of destination.");
        }

        if (string.IsNullOrWhiteSpace(destination.Value))
        {
            Fail($"{path}.Value", "A destination needs a value (a user, a device, a number...).");
        }

        ValidateText(destination.Value, $"{path}.Value", 256);

        if (destination.Kind == DestinationKind.ExternalNumber && !IsE164(destination.Value))
        {
            Fail($"{path}.Value", $"'{destination.Value}' is not an E.164 number such as +15551231111; canonicalize it with PhoneNumberCanonicalizer.");
        }
    }

    /// <summary>Text that identifies something: bounded, no control characters, no unpaired surrogates.</summary>
    private static void ValidateText(string value, string path, int maxLength)
    {
        if (value.Length > maxLength)
        {
            Fail(path, $"At most {maxLength} characters; this has {value.Length}.");
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c))
            {
                Fail(path, $"Control characters are not allowed (at position {i}).");
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    Fail(path, $"An unpaired surrogate is not allowed (at position {i}).");
                }

                i++;
            }
        }
    }

    private static bool IsE164(string value)
    {
        if (value.Length is < 3 or > 16 || value[0] != '+' || value[1] == '0')
        {
            return false;
        }

        for (var i = 1; i < value.Length; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    [DoesNotReturn]
    public static void Fail(string field, string reason) => throw new RoutingValidationException(field, reason, null);
}
