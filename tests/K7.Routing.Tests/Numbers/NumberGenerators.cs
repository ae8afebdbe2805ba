using FsCheck;
using FsCheck.Fluent;
using PhoneNumbers;

namespace K7.Routing.Tests.NumbersAndLists;

/// <summary>Any text, biased towards text that looks like a phone number.</summary>
/// <param name="Text">The text.</param>
public sealed record NumberText(string Text)
{
    /// <inheritdoc/>
    public override string ToString() => $"\"{Text}\"";
}

/// <summary>Text in one of the forms of the allocation-free path (or close to it), with a default region.</summary>
/// <param name="Region">The canonicalizer's default region.</param>
/// <param name="Text">The text.</param>
public sealed record FastFormCase(string Region, string Text)
{
    /// <inheritdoc/>
    public override string ToString() => $"\"{Text}\" in {Region}";
}

/// <summary>A valid phone number of some region, from libphonenumber's example numbers with random last digits.</summary>
/// <param name="Region">The region of the number.</param>
/// <param name="Number">The number.</param>
public sealed record ValidNumber(string Region, PhoneNumber Number)
{
    /// <summary>Gets the E.164 form.</summary>
    public string E164 => PhoneNumberUtil.GetInstance().Format(Number, PhoneNumberFormat.E164);

    /// <inheritdoc/>
    public override string ToString() => $"{E164} ({Region})";
}

/// <summary>A North American number: 3-digit area code, 3-digit exchange and 4-digit line, each starting where NANP allows.</summary>
/// <param name="Area">The area code (200–999).</param>
/// <param name="Exchange">The exchange (200–999).</param>
/// <param name="Line">The line (0–9999).</param>
public sealed record NanpNumber(int Area, int Exchange, int Line)
{
    /// <summary>Gets the 10 national digits.</summary>
    public string National => $"{Area:D3}{Exchange:D3}{Line:D4}";

    /// <inheritdoc/>
    public override string ToString() => $"+1{National}";
}

/// <summary>Entries for an allow list and a block list with no number in common.</summary>
/// <param name="Allowed">The allow list entries.</param>
/// <param name="Blocked">The block list entries.</param>
public sealed record ListPair(NumberListEntry[] Allowed, NumberListEntry[] Blocked)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"allowed [{string.Join("; ", Allowed.Select(Describe))}] blocked [{string.Join("; ", Blocked.Select(Describe))}]";

    private static string Describe(NumberListEntry e) => e.Name is null ? e.Number.ToString() : $"{e.Number} \"{e.Name}\"";
}

/// <summary>Entries drawn from a few numbers, so that the same number comes up more than once.</summary>
/// <param name="Entries">The entries.</param>
public sealed record EntrySequence(NumberListEntry[] Entries)
{
    /// <inheritdoc/>
    public override string ToString() => string.Join("; ", Entries.Select(e => $"{e.Number} \"{e.Name}\""));
}

/// <summary>FsCheck generators of the phone number and list tests.</summary>
public static class NumberGenerators
{
    /// <summary>Regions with simple, empty or complex national prefixes, in and out of North America, and KP, whose international prefix 99 does not start with 0.</summary>
    public static readonly string[] Regions =
        ["US", "CA", "JM", "AG", "GB", "DE", "FR", "IT", "AU", "AR", "BR", "MX", "JP", "CN", "IN", "RU", "KR", "SM", "NF", "BY", "KP"];

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private static readonly string[] AllRegions = [.. Util.GetSupportedRegions().Order(StringComparer.Ordinal)];

    private static readonly PhoneNumberType[] Types =
    [
        PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE, PhoneNumberType.VOIP,
    ];

    private static readonly Gen<char> Separator = Gen.Elements(' ', '-', '.', '(', ')');

    /// <summary>Gets any text: random characters, digits with separators, near misses and long strings.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<NumberText> NumberText()
    {
        var anyChar = Gen.Frequency(
            (6, Gen.Elements("0123456789".ToCharArray())),
            (3, Gen.Elements(" -.()+/#*xX;:,'\"\t\u00A0\uFF0B".ToCharArray())),
            (2, Gen.Choose('a', 'z').Select(c => (char)c)),
            (1, Gen.Choose(0, 0xFFFF).Select(c => (char)c)),
            (1, Gen.Elements('\u0660', '\u0669', '\uFF11', '\u06F5', '\u0966')));
        var random = Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(anyChar, n)).Select(cs => new string(cs));
        var longText = Gen.Choose(200, 300).SelectMany(n => Gen.ArrayOf(anyChar, n)).Select(cs => new string(cs));
        var words = Gen.Elements("anonymous", "unknown", "Restricted", "", " ", "+", "++1", "00", "011", "tel:+15551231111", "sip:5551231111@pbx", "1-800-FLOWERS", "+1 555 123 1111 ext. 22");
        return Arb.From(Gen.Frequency((6, random), (3, DigitsWithSeparators()), (1, longText), (1, words)).Select(t => new NumberText(t)));
    }

    /// <summary>Gets text in the fast forms (<c>+</c> and digits, national NANP digits) and their near misses, with a region.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<FastFormCase> FastFormCase() =>
        Arb.From(
            from region in Gen.Frequency((4, Gen.Elements(Regions)), (1, Gen.Elements(AllRegions)))
            from text in DigitsWithSeparators()
            select new FastFormCase(region, text));

    /// <summary>Gets valid numbers of every region libphonenumber knows.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ValidNumber> ValidNumber()
    {
        var gen =
            from region in Gen.Elements(AllRegions)
            from type in Gen.Elements(Types)
            from digits in Gen.ArrayOf(Gen.Choose(0, 9), 3)
            select MakeValid(region, type, digits);
        return Arb.From(gen.Where(x => x is not null).Select(x => x!));
    }

    /// <summary>Gets North American numbers.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<NanpNumber> NanpNumber() =>
        Arb.From(
            from area in Gen.Choose(200, 999)
            from exchange in Gen.Choose(200, 999)
            from line in Gen.Choose(0, 9999)
            select new NanpNumber(area, exchange, line));

    /// <summary>Gets an allow list and a block list without common numbers, with names that are hard for CSV and spreadsheets.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<ListPair> ListPair()
    {
        var gen =
            from count in Gen.Choose(0, 30)
            from keys in Gen.ArrayOf(Key(), count)
            from names in Gen.ArrayOf(Name(), keys.Length)
            from sides in Gen.ArrayOf(Gen.Elements(true, false), keys.Length)
            select Split(keys, names, sides);
        return Arb.From(gen);
    }

    /// <summary>Gets entries over at most five numbers, with names.</summary>
    /// <returns>The arbitrary.</returns>
    public static Arbitrary<EntrySequence> EntrySequence()
    {
        var entry =
            from n in Gen.Choose(0, 4)
            from name in Gen.Elements<string?>(null, "a", "b", " c ", "")
            select new NumberListEntry(new PhoneNumberKey(15551231110UL + (ulong)n), name);
        return Arb.From(Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(entry, n)).Select(es => new EntrySequence(es)));
    }

    /// <summary>Digits with separators: with or without <c>+</c>, national prefixes, 1 to 17 digits.</summary>
    private static Gen<string> DigitsWithSeparators()
    {
        var digit = Gen.Elements("0123456789".ToCharArray());
        var piece =
            from lead in Gen.Frequency((6, Gen.Constant(string.Empty)), (1, Gen.Elements("0", "1", "00", "011", "8", "(0)", "0 ", "1 ", "15", "9", "180020", "1833")))
            from count in Gen.Frequency((1, Gen.Choose(1, 6)), (3, Gen.Choose(7, 12)), (1, Gen.Choose(13, 17)))
            from digits in Gen.ArrayOf(digit, count)
            from separators in Gen.ArrayOf(Gen.Frequency((5, Gen.Constant(string.Empty)), (2, Separator.Select(c => c.ToString()))), count)
            select lead + string.Concat(digits.Zip(separators, (d, s) => s + d));
        return
            from plus in Gen.Frequency((1, Gen.Constant(string.Empty)), (1, Gen.Constant("+")), (1, Gen.Constant("+1")), (1, Gen.Elements("+44", "+49", "+39", "+61", "+54", "+55", "+86", "+81", "+7", "+378", "+99", "+00", "+011")))
            from body in piece
            from spaceAround in Gen.Elements(string.Empty, " ")
            select spaceAround + plus + body + spaceAround;
    }

    private static ValidNumber? MakeValid(string region, PhoneNumberType type, int[] digits)
    {
        var example = Util.GetExampleNumberForType(region, type);
        if (example is null)
        {
            return null;
        }

        // Replace the last digits, keeping the number valid when possible.
        var national = Util.GetNationalSignificantNumber(example);
        var changed = national[..^digits.Length] + string.Concat(digits);
        try
        {
            var number = Util.Parse("+" + example.CountryCode + changed, region);
            var candidate = Util.IsValidNumber(number) ? number : example;
            return new ValidNumber(region, candidate);
        }
        catch (NumberParseException)
        {
            return new ValidNumber(region, example);
        }
    }

    private static Gen<PhoneNumberKey> Key() =>
        Gen.Frequency(
            (3, Gen.Choose(200, 999).SelectMany(a => Gen.Choose(0, 9_999_999).Select(rest => new PhoneNumberKey((1UL * 10_000_000_000UL) + ((ulong)a * 10_000_000UL) + (ulong)rest)))),
            (1, Gen.Choose(1_000_000, 9_999_999).Select(n => new PhoneNumberKey(442_070_000_000UL + (ulong)n))),
            (1, Gen.Choose(100_000, 999_999).Select(n => new PhoneNumberKey(3_906_1200_0000UL + (ulong)n))));

    private static Gen<string?> Name()
    {
        var hard = Gen.Elements(
            "Front desk", "Spam", "Smith, John", "\"Quoted\"", "a\"b", "line1\nline2", "cr\rlf", "=1+2", "=HYPERLINK(\"http://x\")",
            "+cmd", "-2+3", "@SUM(A1)", "'=already", "''=twice", "'plain", "'", "  padded  ", "tab\there", "Zoë", "日本", "😀 emoji",
            ";semi;", "|pipe|", "#hash", "sep=;");
        var random = Gen.Choose(0, 30).SelectMany(n => Gen.ArrayOf(Gen.Elements("ab ,;\"'=+-@\n\r\tzé".ToCharArray()), n)).Select(cs => new string(cs));
        return Gen.Frequency((1, Gen.Constant<string?>(null)), (3, hard.Select(s => (string?)s)), (2, random.Select(s => (string?)s)));
    }

    private static ListPair Split(PhoneNumberKey[] keys, string?[] names, bool[] sides)
    {
        var allowed = new List<NumberListEntry>();
        var blocked = new List<NumberListEntry>();
        var seen = new HashSet<PhoneNumberKey>();
        for (var i = 0; i < keys.Length; i++)
        {
            if (seen.Add(keys[i]))
            {
                (sides[i] ? allowed : blocked).Add(new NumberListEntry(keys[i], names[i]));
            }
        }

        return new ListPair([.. allowed], [.. blocked]);
    }
}
