using System.Globalization;
using System.Text;

namespace K7.Contacts.Formats;

/// <summary>Reads and writes vCard files (<c>.vcf</c>): 2.1, 3.0 (RFC 2426) and 4.0 (RFC 6350) cards.</summary>
/// <remarks>
/// <para>
/// Reading: every card of the file, in any mix of versions. Problems of one card (an unsupported VERSION, an
/// unknown charset, a bad <c>X-K7-KIND</c>, more than 1,000 properties) go into <see cref="ContactRecord.Errors"/>;
/// problems that leave the rest of the file unreadable (a first line that is not <c>BEGIN:VCARD</c>, a line that
/// is not a property, <c>END</c> without <c>BEGIN</c>, <c>BEGIN</c> without <c>END</c>, a property longer than
/// 65,536 characters) throw <see cref="ContactFormatException"/>. A card inside a card (a vCard 2.1
/// <c>AGENT</c>) is skipped. See <see cref="VCardRecordBuilder"/> for how properties map to fields.
/// </para>
/// <para>
/// Writing: 3.0 as Apple Contacts reads it (the default), or 4.0; CRLF line breaks, lines folded at 75 UTF-8
/// octets; see <see cref="VCardWriter"/>.
/// </para>
/// </remarks>
internal static class VCard
{
    /// <summary>Reads every card of a .vcf.</summary>
    /// <param name="reader">The file.</param>
    /// <param name="cancellationToken">Stops the reading between lines.</param>
    /// <returns>The cards, read lazily, each with the line of its <c>BEGIN:VCARD</c>.</returns>
    /// <exception cref="ContactFormatException">The file, past the cards already returned, cannot be read.</exception>
    public static IEnumerable<ContactRecord> Read(TextReader reader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ReadCore(reader, cancellationToken);
    }

    /// <summary>Writes one card per item.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="items">The contacts.</param>
    /// <param name="version">3 (Apple's export; the default) or 4 (RFC 6350).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is neither 3 nor 4.</exception>
    public static void Write(TextWriter writer, IEnumerable<ContactExportItem> items, int version = 3)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(items);
        if (version is not (3 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "The vCard version must be 3 or 4.");
        }

        var card = new StringBuilder(512);
        foreach (var item in items)
        {
            if (item.Contact is null)
            {
                throw new ArgumentException("An item has no contact.", nameof(items));
            }

            card.Clear();
            VCardWriter.AppendCard(card, item, version);
            writer.Write(card);
        }
    }

    private static IEnumerable<ContactRecord> ReadCore(TextReader reader, CancellationToken cancellationToken)
    {
        var lines = new VCardLineReader(reader, cancellationToken);
        var first = true;
        VCardRecordBuilder? card = null;
        var cardLine = 0;
        var nested = 0;
        var nestedLine = 0;
        while (lines.TryRead(out var line))
        {
            var property = VCardProperty.TryParse(line.Text, line.Line, card?.IsVersion4 == true);
            if (first)
            {
                first = false;
                if (property is null || !IsBoundary(property, "BEGIN"))
                {
                    throw new ContactFormatException(Invariant($"line {line.Line}: not a vCard file (it must start with BEGIN:VCARD)"), line.Line, 1);
                }
            }

            if (property is null)
            {
                throw new ContactFormatException(Invariant($"line {line.Line}: not a vCard property (NAME:value): \"{Shorten(line.Text)}\""), line.Line, 1);
            }

            if (IsBoundary(property, "BEGIN"))
            {
                if (card is null)
                {
                    card = new VCardRecordBuilder(line.Line);
                    cardLine = line.Line;
                }
                else if (nested++ == 0)
                {
                    nestedLine = line.Line;
                }

                continue;
            }

            if (IsBoundary(property, "END"))
            {
                if (card is null)
                {
                    throw new ContactFormatException(Invariant($"line {line.Line}: END:VCARD without BEGIN:VCARD"), line.Line, 1, "END");
                }

                if (nested > 0)
                {
                    nested--;
                    continue;
                }

                yield return card.Build();
                card = null;
                continue;
            }

            if (card is null)
            {
                throw new ContactFormatException(Invariant($"line {line.Line}: {property.SourceName} outside a card (between END:VCARD and BEGIN:VCARD)"), line.Line, 1, property.SourceName);
            }

            if (nested == 0)
            {
                card.Add(property);
            }
        }

        if (card is not null)
        {
            var open = nested > 0 ? nestedLine : cardLine;
            throw new ContactFormatException(Invariant($"line {open}: BEGIN:VCARD has no END:VCARD"), open, 1, "BEGIN");
        }
    }

    private static bool IsBoundary(VCardProperty property, string name) =>
        property.Name == name && property.Group is null && property.Value.Trim().Equals("VCARD", StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
