using FsCheck;
using FsCheck.Xunit;

namespace K7.Routing.Tests.Rules;

/// <summary>The operations of rule sets on random valid sets: they reorder, never lose or invent rules, and undo each other.</summary>
public sealed class AnsweringRuleSetPropertyTests
{
    [Property(MaxTest = 200, Arbitrary = new[] { typeof(Generators) })]
    public void Move_AnyRule_SameRulesAndDefaultInAnotherOrder(AnsweringRuleSet set, NonNegativeInt n)
    {
        if (set.Rules.IsEmpty)
        {
            return;
        }

        var name = set.Rules[n.Get % set.Rules.Length].TimeFrame!;

        foreach (var moved in new[] { set.MoveUp(name), set.MoveDown(name), set.MoveToTop(name) })
        {
            Assert.Equal(set.Rules.OrderBy(r => r.TimeFrame, StringComparer.Ordinal), moved.Rules.OrderBy(r => r.TimeFrame, StringComparer.Ordinal));
            Assert.Same(set.Default, moved.Default);
            Assert.Equal(set.RingTimeout, moved.RingTimeout);
            Assert.Same(set.AllowList, moved.AllowList);
            Assert.Same(set.BlockList, moved.BlockList);
        }
    }

    [Property(MaxTest = 200, Arbitrary = new[] { typeof(Generators) })]
    public void MoveUp_RuleBelowTheTop_MoveDownUndoesIt(AnsweringRuleSet set, NonNegativeInt n)
    {
        if (set.Rules.Length < 2)
        {
            return;
        }

        var index = 1 + (n.Get % (set.Rules.Length - 1));
        var name = set.Rules[index].TimeFrame!;

        var up = set.MoveUp(name);

        Assert.Same(set.Rules[index], up.Rules[index - 1]);
        Assert.Equal(set, up.MoveDown(name));
    }

    [Property(MaxTest = 200, Arbitrary = new[] { typeof(Generators) })]
    public void Remove_ThenAdd_SameRulesWithItOnTop(AnsweringRuleSet set, NonNegativeInt n)
    {
        if (set.Rules.IsEmpty)
        {
            return;
        }

        var rule = set.Rules[n.Get % set.Rules.Length];

        var removed = set.Remove(rule.TimeFrame!);
        var added = removed.Add(rule);

        Assert.Equal(set.Rules.Length - 1, removed.Rules.Length);
        Assert.Null(removed.Find(rule.TimeFrame!));
        Assert.Equal(set.MoveToTop(rule.TimeFrame!), added);
    }

    [Property(MaxTest = 200, Arbitrary = new[] { typeof(Generators) })]
    public void SetEnabled_Twice_BackToTheOriginal(AnsweringRuleSet set, NonNegativeInt n)
    {
        if (set.Rules.IsEmpty)
        {
            return;
        }

        var rule = set.Rules[n.Get % set.Rules.Length];

        var toggled = set.SetEnabled(rule.TimeFrame!, !rule.Enabled);

        Assert.Equal(!rule.Enabled, toggled.Find(rule.TimeFrame!)!.Enabled);
        Assert.Equal(set, toggled.SetEnabled(rule.TimeFrame!, rule.Enabled));
    }

    [Property(MaxTest = 200, Arbitrary = new[] { typeof(Generators) })]
    public void Add_RuleForTimeFrameThatHasOne_ThrowsAndSetStaysEqual(AnsweringRuleSet set, NonNegativeInt n)
    {
        if (set.Rules.IsEmpty)
        {
            return;
        }

        var copy = AnsweringRuleSet.Create(set.UserId, set.Rules, set.Default, set.RingTimeout, set.AllowList, set.BlockList, set.BlockAnonymous, set.VoicemailEnabled);
        var name = set.Rules[n.Get % set.Rules.Length].TimeFrame!.ToUpperInvariant();

        var e = Assert.Throws<RoutingValidationException>(() => set.Add(AnsweringRule.For(name)));

        Assert.Equal("TimeFrame", e.Field);
        Assert.Equal(copy, set);
    }
}
