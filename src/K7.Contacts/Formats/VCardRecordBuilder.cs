using System.Collections.Immutable;
using System.Globalization;

namespace K7.Contacts.Formats;

/// <summary>Collects the properties of one card and maps them to a <see cref="ContactRecord"/>.</summary>
/// <remarks>
/// <para>Mapping rules:</para>
/// <list type="bullet">
/// <item><c>N</c> gives the last (family) and first (given) name; <c>FN</c> is used only when <c>N</c> is absent or
/// names neither, split at its last space (a single word is a first name).</item>
/// <item><c>TEL</c> is sorted by its types, or by the Apple label of its group (<c>item1.X-ABLabel</c>), which wins
/// when it names a known kind: any fax is the fax number; cell, mobile or iPhone the mobile number; work the work
/// number; home the home number. The first number of each kind is kept. Main, other, untyped and custom-labelled
/// numbers fill the work number only when no number says work.</item>
/// <item>A <c>tel:</c> URI (4.0, or <c>VALUE=uri</c>) loses its scheme and its parameters: an extension
/// (<c>;ext=</c>) is dropped and the number kept.</item>
/// <item><c>EMAIL</c>: the most preferred (<c>PREF=1</c> or <c>TYPE=pref</c>), else the first.</item>
/// <item><c>ORG</c>: the second component is the department.</item>
/// <item><c>X-K7-EXTENSION</c>, <c>X-K7-SITE</c>, <c>X-K7-KIND</c> (Personal, Shared or User) and
/// <c>X-K7-FAVORITE:yes</c> or <c>CATEGORIES</c> listing Favorites carry the rest.</item>
/// </list>
/// </remarks>
internal sealed class VCardRecordBuilder
{
    /// <summary>The most properties a card may have.</summary>
    internal const int MaxProperties = 1000;

    private readonly int _line;
    private readonly ImmutableArray<ContactFileError>.Builder _errors = ImmutableArray.CreateBuilder<ContactFileError>();
    private readonly List<Phone> _phones = [];
    private readonly List<Email> _emails = [];
    private readonly Dictionary<string, string> _labels = new(StringComparer.OrdinalIgnoreCase);
    private int _count;
    private string? _first;
    private string? _last;
    private ContactFieldSource _nameSource;
    private string? _fullName;
    private ContactFieldSource _fullNameSource;
    private Field _department;
    private Field _extension;
    private Field _site;
    private ContactKind? _kind;
    private ContactFieldSource _kindSource;
    private ContactFieldSource? _favorite;

    public VCardRecordBuilder(int line) => _line = line;

    private enum PhoneKind
    {
        Other,
        Work,
        Mobile,
        Home,
        Fax,
    }

    /// <summary>Gets a value indicating whether the card said VERSION:4.0 (parameters use RFC 6868 caret escapes).</summary>
    public bool IsVersion4 { get; private set; }

    /// <summary>Adds a property of the card (not BEGIN or END).</summary>
    public void Add(VCardProperty property)
    {
        _count++;
        if (_count > MaxProperties)
        {
            if (_count == MaxProperties + 1)
            {
                _errors.Add(new ContactFileError(_line, 0, null, string.Create(CultureInfo.InvariantCulture, $"the card has more than {MaxProperties:N0} properties")));
            }

            return;
        }

        var value = Decode(property);
        if (value is null)
        {
            return;
        }

        switch (property.Name)
        {
            case "VERSION":
                var version = value.Trim();
                if (version is "2.1" or "3.0" or "4.0")
                {
                    IsVersion4 = version == "4.0";
                }
                else
                {
                    AddError(property, $"VERSION {Shorten(version)} is not supported (2.1, 3.0 or 4.0)");
                }

                break;
            case "N":
                if (_first is null && _last is null)
                {
                    var parts = VCardText.Split(value, ';');
                    _last = VCardText.Clean(VCardText.Unescape(parts[0]));
                    _first = parts.Count > 1 ? VCardText.Clean(VCardText.Unescape(parts[1])) : null;
                    _nameSource = Source(property);
                }

                break;
            case "FN":
                if (_fullName is null)
                {
                    _fullName = VCardText.Clean(VCardText.Unescape(value));
                    _fullNameSource = Source(property);
                }

                break;
            case "TEL":
                AddPhone(property, value);
                break;
            case "EMAIL":
                AddEmail(property, value);
                break;
            case "ORG":
                if (_department.Value is null)
                {
                    var parts = VCardText.Split(value, ';');
                    if (parts.Count > 1)
                    {
                        _department = new Field(VCardText.Clean(VCardText.Unescape(parts[1])), Source(property));
                    }
                }

                break;
            case "X-K7-EXTENSION":
                SetOnce(ref _extension, property, value);
                break;
            case "X-K7-SITE":
                SetOnce(ref _site, property, value);
                break;
            case "X-K7-KIND":
                SetKind(property, value);
                break;
            case "X-K7-FAVORITE":
                if (VCardText.Clean(VCardText.Unescape(value))?.ToUpperInvariant() is "YES" or "TRUE" or "1")
                {
                    _favorite ??= Source(property);
                }

                break;
            case "CATEGORIES":
                foreach (var category in VCardText.Split(value, ','))
                {
                    if (string.Equals(VCardText.Clean(VCardText.Unescape(category)), "Favorites", StringComparison.OrdinalIgnoreCase))
                    {
                        _favorite ??= Source(property);
                    }
                }

                break;
            case "X-ABLABEL":
                var label = VCardText.Clean(VCardText.Unescape(value));
                if (property.Group is not null && label is not null)
                {
                    _labels.TryAdd(property.Group, label);
                }

                break;
        }
    }

    /// <summary>Builds the record.</summary>
    public ContactRecord Build()
    {
        var sources = ImmutableDictionary.CreateBuilder<ContactField, ContactFieldSource>();
        string? first = _first, last = _last;
        if (first is not null || last is not null)
        {
            AddSource(sources, ContactField.FirstName, first, _nameSource);
            AddSource(sources, ContactField.LastName, last, _nameSource);
        }
        else if (_fullName is not null)
        {
            var space = _fullName.LastIndexOf(' ');
            if (space < 0)
            {
                first = _fullName;
            }
            else
            {
                first = VCardText.Clean(_fullName[..space]);
                last = VCardText.Clean(_fullName[(space + 1)..]);
            }

            AddSource(sources, ContactField.FirstName, first, _fullNameSource);
            AddSource(sources, ContactField.LastName, last, _fullNameSource);
        }

        Phone? work = null, mobile = null, home = null, fax = null, other = null;
        foreach (var phone in _phones)
        {
            var kind = PhoneKind.Other;
            if (phone.Group is not null && _labels.TryGetValue(phone.Group, out var label))
            {
                kind = KindOfLabel(label) ?? phone.Kind;
            }
            else
            {
                kind = phone.Kind;
            }

            switch (kind)
            {
                case PhoneKind.Work:
                    work ??= phone;
                    break;
                case PhoneKind.Mobile:
                    mobile ??= phone;
                    break;
                case PhoneKind.Home:
                    home ??= phone;
                    break;
                case PhoneKind.Fax:
                    fax ??= phone;
                    break;
                default:
                    other ??= phone;
                    break;
            }
        }

        work ??= other;
        AddSource(sources, ContactField.WorkNumber, work?.Value, work?.Source);
        AddSource(sources, ContactField.MobileNumber, mobile?.Value, mobile?.Source);
        AddSource(sources, ContactField.HomeNumber, home?.Value, home?.Source);
        AddSource(sources, ContactField.FaxNumber, fax?.Value, fax?.Source);

        Email? email = null;
        foreach (var candidate in _emails)
        {
            if (email is null || candidate.Preference < email.Preference)
            {
                email = candidate;
            }
        }

        AddSource(sources, ContactField.Email, email?.Value, email?.Source);
        AddSource(sources, ContactField.Department, _department.Value, _department.Source);
        AddSource(sources, ContactField.Extension, _extension.Value, _extension.Source);
        AddSource(sources, ContactField.Site, _site.Value, _site.Source);
        if (_kind is not null)
        {
            sources[ContactField.Kind] = _kindSource;
        }

        if (_favorite is not null)
        {
            sources[ContactField.Favorite] = _favorite.Value;
        }

        return new ContactRecord
        {
            Line = _line,
            FirstName = first,
            LastName = last,
            Extension = _extension.Value,
            WorkNumber = work?.Value,
            MobileNumber = mobile?.Value,
            HomeNumber = home?.Value,
            FaxNumber = fax?.Value,
            Email = email?.Value,
            Site = _site.Value,
            Department = _department.Value,
            Kind = _kind,
            Favorite = _favorite is not null,
            Sources = sources.ToImmutable(),
            Errors = _errors.ToImmutable(),
        };
    }

    private string? Decode(VCardProperty property)
    {
        var encoding = property.GetParameter("ENCODING")?.ToUpperInvariant();
        switch (encoding)
        {
            case "B" or "BASE64":
                return null;
            case "QUOTED-PRINTABLE":
                var charsetName = property.GetParameter("CHARSET");
                var charset = VCardText.GetCharset(charsetName);
                if (charset is null)
                {
                    AddError(property, $"CHARSET {Shorten(charsetName ?? string.Empty)} is not known");
                    return null;
                }

                return VCardText.DecodeQuotedPrintable(property.Value, charset);
            default:
                return property.Value;
        }
    }

    private void AddPhone(VCardProperty property, string value)
    {
        var valueType = property.GetParameter("VALUE");
        var isUri = string.Equals(valueType, "uri", StringComparison.OrdinalIgnoreCase)
            || (IsVersion4 && !string.Equals(valueType, "text", StringComparison.OrdinalIgnoreCase));
        string? number;
        if (isUri && value.TrimStart().StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            // tel:+1-555-555-5555;ext=5555 → the number; its parameters (an extension, a phone context) are dropped.
            var uri = value.TrimStart()[4..];
            var semicolon = uri.IndexOf(';', StringComparison.Ordinal);
            number = VCardText.Clean(semicolon < 0 ? uri : uri[..semicolon]);
        }
        else
        {
            number = VCardText.Clean(VCardText.Unescape(value));
        }

        if (number is null)
        {
            return;
        }

        var kind = PhoneKind.Other;
        if (property.HasType("fax"))
        {
            kind = PhoneKind.Fax;
        }
        else if (property.HasType("cell") || property.HasType("mobile") || property.HasType("iphone"))
        {
            kind = PhoneKind.Mobile;
        }
        else if (property.HasType("work"))
        {
            kind = PhoneKind.Work;
        }
        else if (property.HasType("home"))
        {
            kind = PhoneKind.Home;
        }

        _phones.Add(new Phone(number, kind, property.Group, Source(property)));
    }

    private void AddEmail(VCardProperty property, string value)
    {
        var address = VCardText.Clean(VCardText.Unescape(value));
        if (address is null)
        {
            return;
        }

        var preference = 101;
        if (int.TryParse(property.GetParameter("PREF"), NumberStyles.None, CultureInfo.InvariantCulture, out var pref) && pref is >= 1 and <= 100)
        {
            preference = pref;
        }
        else if (property.HasType("pref"))
        {
            preference = 1;
        }

        _emails.Add(new Email(address, preference, Source(property)));
    }

    private void SetKind(VCardProperty property, string value)
    {
        var text = VCardText.Clean(VCardText.Unescape(value));
        if (text is null || _kind is not null)
        {
            return;
        }

        ContactKind? kind = text.ToUpperInvariant() switch
        {
            "PERSONAL" => ContactKind.Personal,
            "SHARED" => ContactKind.Shared,
            "USER" => ContactKind.User,
            _ => null,
        };
        if (kind is null)
        {
            AddError(property, $"{Shorten(text)} is not a contact type (Personal, Shared or User)");
            return;
        }

        _kind = kind;
        _kindSource = Source(property);
    }

    private static void SetOnce(ref Field field, VCardProperty property, string value)
    {
        if (field.Value is null)
        {
            field = new Field(VCardText.Clean(VCardText.Unescape(value)), Source(property));
        }
    }

    private static PhoneKind? KindOfLabel(string label)
    {
        // Apple's built-in labels are wrapped: _$!<Mobile>!$_; custom labels are plain text.
        if (label.StartsWith("_$!<", StringComparison.Ordinal) && label.EndsWith(">!$_", StringComparison.Ordinal) && label.Length >= 8)
        {
            label = label[4..^4];
        }

        return label.Trim().ToUpperInvariant() switch
        {
            "MOBILE" or "IPHONE" or "CELL" => PhoneKind.Mobile,
            "WORK" => PhoneKind.Work,
            "HOME" => PhoneKind.Home,
            "WORKFAX" or "HOMEFAX" or "OTHERFAX" or "FAX" => PhoneKind.Fax,
            "MAIN" => PhoneKind.Other,
            _ => null,
        };
    }

    private static void AddSource(ImmutableDictionary<ContactField, ContactFieldSource>.Builder sources, ContactField field, string? value, ContactFieldSource? source)
    {
        if (value is not null && source is not null)
        {
            sources[field] = source.Value;
        }
    }

    private static ContactFieldSource Source(VCardProperty property) => new(property.Line, 1, property.SourceName);

    private void AddError(VCardProperty property, string message) =>
        _errors.Add(new ContactFileError(property.Line, 1, property.SourceName, message));

    private static string Shorten(string value) => value.Length <= 40 ? "\"" + value + "\"" : "\"" + value[..40] + "…\"";

    private readonly record struct Field(string? Value, ContactFieldSource Source);

    private sealed record Phone(string Value, PhoneKind Kind, string? Group, ContactFieldSource Source);

    private sealed record Email(string Value, int Preference, ContactFieldSource Source);
}
