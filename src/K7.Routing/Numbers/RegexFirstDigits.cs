using System.Globalization;

namespace K7.Routing;

/// <summary>
/// Which digits a non-empty match of one of libphonenumber's national-prefix patterns can start with, so that the fast
/// path runs the pattern only when it might match. Understands the syntax those patterns use (digits, <c>[0-9]</c>
/// classes, groups, alternation, <c>?</c> <c>*</c> <c>+</c> <c>{n,m}</c> and <c>$</c>), and answers "any digit" for
/// anything else.
/// </summary>
internal static class RegexFirstDigits
{
    /// <summary>All ten digits.</summary>
    public const int AllDigits = 0x3FF;

    /// <summary>Returns the digits (bit <c>d</c> for digit <c>d</c>) that a non-empty match of <paramref name="pattern"/> can start with.</summary>
    public static int Compute(string pattern)
    {
        var position = 0;
        if (!TryAlternation(pattern, ref position, out var first, out _) || position != pattern.Length)
        {
            return AllDigits;
        }

        return first & AllDigits;
    }

    private static bool TryAlternation(string p, ref int i, out int first, out bool nullable)
    {
        first = 0;
        nullable = false;
        while (true)
        {
            if (!TrySequence(p, ref i, out var f, out var n))
            {
                return false;
            }

            first |= f;
            nullable |= n;
            if (i < p.Length && p[i] == '|')
            {
                i++;
                continue;
            }

            return true;
        }
    }

    private static bool TrySequence(string p, ref int i, out int first, out bool nullable)
    {
        first = 0;
        nullable = true;
        while (i < p.Length && p[i] is not ('|' or ')'))
        {
            if (!TryAtom(p, ref i, out var f, out var n) || !TryQuantifier(p, ref i, ref n))
            {
                return false;
            }

            if (nullable)
            {
                first |= f;
            }

            nullable &= n;
        }

        return true;
    }

    private static bool TryAtom(string p, ref int i, out int first, out bool nullable)
    {
        first = 0;
        nullable = false;
        var c = p[i];
        if (char.IsAsciiDigit(c))
        {
            first = 1 << (c - '0');
            i++;
            return true;
        }

        if (c == '$')
        {
            nullable = true;
            i++;
            return true;
        }

        if (c == '[')
        {
            return TryClass(p, ref i, out first);
        }

        if (c == '(')
        {
            i++;
            if (i + 1 < p.Length && p[i] == '?')
            {
                if (p[i + 1] != ':')
                {
                    return false;
                }

                i += 2;
            }

            if (!TryAlternation(p, ref i, out first, out nullable) || i >= p.Length || p[i] != ')')
            {
                return false;
            }

            i++;
            return true;
        }

        return false;
    }

    private static bool TryClass(string p, ref int i, out int first)
    {
        first = 0;
        i++;
        if (i < p.Length && p[i] == '^')
        {
            return false;
        }

        while (i < p.Length && p[i] != ']')
        {
            var from = p[i];
            var to = from;
            if (i + 2 < p.Length && p[i + 1] == '-' && p[i + 2] != ']')
            {
                to = p[i + 2];
                i += 2;
            }

            if (!char.IsAsciiDigit(from) || !char.IsAsciiDigit(to) || to < from)
            {
                return false;
            }

            for (var d = from; d <= to; d++)
            {
                first |= 1 << (d - '0');
            }

            i++;
        }

        if (i >= p.Length)
        {
            return false;
        }

        i++;
        return true;
    }

    private static bool TryQuantifier(string p, ref int i, ref bool nullable)
    {
        if (i >= p.Length)
        {
            return true;
        }

        switch (p[i])
        {
            case '?' or '*':
                nullable = true;
                i++;
                return true;
            case '+':
                i++;
                return true;
            case '{':
                var close = p.IndexOf('}', i);
                if (close < 0)
                {
                    return false;
                }

                var bounds = p.AsSpan(i + 1, close - i - 1);
                var comma = bounds.IndexOf(',');
                if (!int.TryParse(comma < 0 ? bounds : bounds[..comma], NumberStyles.None, CultureInfo.InvariantCulture, out var min))
                {
                    return false;
                }

                nullable |= min == 0;
                i = close + 1;
                return true;
            default:
                return true;
        }
    }
}
