using NodaTime;

namespace K7.Routing;

/// <summary>Holds every user's compiled answering rules and routes their calls.</summary>
public interface IRouteResolver
{
    /// <summary>Compiles and stores a user's rules, replacing any before.</summary>
    /// <param name="rules">The rules.</param>
    /// <returns>The compiled rules.</returns>
    /// <exception cref="RoutingValidationException">A rule refers to a time frame the user cannot see.</exception>
    CompiledAnsweringRules SetRules(AnsweringRuleSet rules);

    /// <summary>Returns a user's compiled rules; a user without stored rules has the Default rule only.</summary>
    /// <param name="userId">The user.</param>
    /// <returns>The compiled rules.</returns>
    CompiledAnsweringRules GetRules(string userId);

    /// <summary>Routes a call to <paramref name="userId"/> arriving at <paramref name="now"/>. Allocates nothing.</summary>
    /// <param name="userId">The called user.</param>
    /// <param name="incoming">The caller.</param>
    /// <param name="state">The user's live state.</param>
    /// <param name="now">The instant the call arrives.</param>
    /// <returns>The decision.</returns>
    RouteDecision Route(string userId, in IncomingCall incoming, in UserState state, Instant now);
}
