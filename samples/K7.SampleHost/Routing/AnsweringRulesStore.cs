using K7.Routing;
using K7.SampleHost.Storage;

namespace K7.SampleHost.Routing;

/// <summary>
/// Each user's answering rules, in <c>rules/&lt;extension&gt;.json</c> (the K7.Routing JSON format), published to the
/// <see cref="IRouteResolver"/> the SIP proxy routes with. A change is compiled first (so a bad rule set is refused
/// before anything is written), then saved atomically, then routes the next call.
/// </summary>
public sealed class AnsweringRulesStore
{
    private readonly IRouteResolver _routes;
    private readonly string _folder;
    private readonly Lock _gate = new();

    /// <summary>Initializes a new instance of the <see cref="AnsweringRulesStore"/> class.</summary>
    public AnsweringRulesStore(DataFolder data, IRouteResolver routes)
    {
        ArgumentNullException.ThrowIfNull(data);
        _routes = routes ?? throw new ArgumentNullException(nameof(routes));
        _folder = data.RulesFolder;
        Directory.CreateDirectory(_folder);
    }

    /// <summary>Raised after a user's rules were saved and published.</summary>
    public event EventHandler<AnsweringRuleSet>? Changed;

    /// <summary>Loads every saved rule set into the resolver (at start, after the time frames).</summary>
    /// <exception cref="InvalidDataException">A file does not hold valid rules; the message names the file.</exception>
    public void LoadAll()
    {
        foreach (var file in Directory.EnumerateFiles(_folder, "*.json").Order(StringComparer.Ordinal))
        {
            if (!AnsweringRulesJson.TryDeserialize(File.ReadAllBytes(file), out var rules, out var error))
            {
                throw new InvalidDataException($"{file}: {error!.Message}", error);
            }

            _routes.SetRules(rules!);
        }
    }

    /// <summary>The user's rules (the default set when none were saved).</summary>
    public AnsweringRuleSet Get(string extension) => _routes.GetRules(extension).Rules;

    /// <summary>The user's compiled rules (active rule, matching rules, explanations).</summary>
    public CompiledAnsweringRules GetCompiled(string extension) => _routes.GetRules(extension);

    /// <summary>Changes the user's rules: all or nothing.</summary>
    /// <param name="extension">The user.</param>
    /// <param name="change">Returns the new rule set from the current one; throwing (for example a <see cref="RoutingValidationException"/>) rejects the change.</param>
    /// <returns>The saved, compiled rules.</returns>
    public CompiledAnsweringRules Update(string extension, Func<AnsweringRuleSet, AnsweringRuleSet> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        CompiledAnsweringRules compiled;
        lock (_gate)
        {
            var current = _routes.GetRules(extension).Rules;
            var next = change(current);
            if (!string.Equals(next.UserId, extension, StringComparison.Ordinal))
            {
                throw new RoutingValidationException("UserId", $"These rules belong to {next.UserId}, not {extension}.", null);
            }

            compiled = _routes.SetRules(next);
            try
            {
                AtomicFile.Write(PathOf(extension), AnsweringRulesJson.SerializeToUtf8Bytes(next, indented: true));
            }
            catch
            {
                _routes.SetRules(current);
                throw;
            }
        }

        Changed?.Invoke(this, compiled.Rules);
        return compiled;
    }

    private string PathOf(string extension) => Path.Combine(_folder, extension + ".json");
}
