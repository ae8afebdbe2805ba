using System.Collections.Concurrent;
using K7.TimeFrames;
using Microsoft.Extensions.Options;
using NodaTime;

namespace K7.Routing;

/// <summary>The default <see cref="IRouteResolver"/>: compiled rules per user, recompiled when time frames change.</summary>
/// <remarks>Thread-safe. Time frames come from a <see cref="TimeFrameCatalog"/>, as the user sees them (their own and the
/// domain's); when the catalog changes, every stored user's rules are recompiled so routing sees the new frames.</remarks>
public sealed class RouteResolver : IRouteResolver
{
    private readonly TimeFrameCatalog _timeFrames;
    private readonly PhoneNumberCanonicalizer _numbers;
    private readonly RoutingOptions _options;
    private readonly ConcurrentDictionary<string, CompiledAnsweringRules> _users = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="RouteResolver"/> class.</summary>
    /// <param name="timeFrames">The domain's time frames.</param>
    /// <param name="options">Options.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public RouteResolver(TimeFrameCatalog timeFrames, RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(timeFrames);
        ArgumentNullException.ThrowIfNull(options);
        RoutingOptionsValidator.ThrowIfInvalid(options);
        _timeFrames = timeFrames;
        _options = options;
        _numbers = new PhoneNumberCanonicalizer(options.DefaultRegion);
        _timeFrames.Changed += (_, _) => RecompileAll();
    }

    /// <summary>Initializes a new instance of the <see cref="RouteResolver"/> class from dependency injection.</summary>
    /// <param name="timeFrames">The domain's time frames.</param>
    /// <param name="options">Validated options.</param>
    public RouteResolver(TimeFrameCatalog timeFrames, IOptions<RoutingOptions> options)
        : this(timeFrames, options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    /// <summary>Gets the canonicalizer used for callers' numbers, with the configured default region.</summary>
    public PhoneNumberCanonicalizer Numbers => _numbers;

    /// <inheritdoc/>
    public CompiledAnsweringRules SetRules(AnsweringRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var compiled = Compile(rules, _options.RequireExistingTimeFrames);
        _users[rules.UserId] = compiled;
        return compiled;
    }

    /// <inheritdoc/>
    public CompiledAnsweringRules GetRules(string userId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return _users.GetOrAdd(userId, id => Compile(AnsweringRuleSet.CreateDefault(id), strict: false));
    }

    /// <inheritdoc/>
    public RouteDecision Route(string userId, in IncomingCall incoming, in UserState state, Instant now) =>
        GetRules(userId).Route(incoming, state, now);

    private CompiledAnsweringRules Compile(AnsweringRuleSet rules, bool strict) =>
        CompiledAnsweringRules.Compile(rules, name => _timeFrames.Find(rules.UserId, name), _numbers, strict);

    private void RecompileAll()
    {
        foreach (var (userId, compiled) in _users)
        {
            // Only replace what was read: rules set meanwhile by SetRules are newer and already compiled.
            _users.TryUpdate(userId, Compile(compiled.Rules, strict: false), compiled);
        }
    }
}
