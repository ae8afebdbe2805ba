using System.Text;

namespace K7.Contacts.Formats;

/// <summary>Writes one contact as a vCard 3.0 or 4.0 card.</summary>
/// <remarks>
/// <para>The card, in this order (a property is written only when its field has a value):</para>
/// <code>
/// BEGIN:VCARD
/// VERSION:3.0                            (4.0)
/// N:Last;First;;;
/// FN:First Last
/// ORG:;Department
/// TEL;TYPE=WORK,VOICE:+15551231111       (4.0: TEL;VALUE=uri;TYPE="work,voice":tel:+15551231111)
/// TEL;TYPE=CELL,VOICE:...                (4.0: TYPE="cell,voice")
/// TEL;TYPE=HOME,VOICE:...                (4.0: TYPE="home,voice")
/// TEL;TYPE=WORK,FAX:...                  (4.0: TYPE="work,fax")
/// EMAIL;TYPE=INTERNET:...                (4.0: EMAIL:...)
/// X-K7-EXTENSION:201
/// X-K7-SITE:...
/// X-K7-KIND:Shared                       (only for shared contacts and users)
/// CATEGORIES:Favorites                   (only when the exporting user starred the contact)
/// END:VCARD
/// </code>
/// <para>
/// 3.0 types use the comma list of RFC 2426 (<c>TYPE=CELL,VOICE</c>), which Apple Contacts reads like its own
/// <c>type=CELL;type=VOICE</c>. In 4.0, an E.164 number is written as a <c>tel:</c> URI; any other number (a short
/// internal number such as <c>201</c> is not a valid tel URI without a phone context) as <c>VALUE=text</c>.
/// </para>
/// <para>
/// <c>FN</c> is the first and last name; a contact with neither gets an empty <c>N</c> and <c>FN</c>, so that reading
/// the file back does not invent a name. Text is escaped (backslash, semicolon, comma; a line break, CRLF, CR or LF,
/// becomes <c>\n</c> and reads back as LF), UTF-8, never quoted-printable. Lines end with CRLF and are folded
/// before 75 UTF-8 octets, never inside a character.
/// </para>
/// </remarks>
internal static class VCardWriter
{
    /// <summary>The longest physical line written, in UTF-8 octets, without its line break.</summary>
    internal const int MaxOctets = 75;

    public static void AppendCard(StringBuilder output, ContactExportItem item, int version)
    {
        var contact = item.Contact;
        var v4 = version == 4;
        AppendLine(output, "BEGIN:VCARD");
        AppendLine(output, v4 ? "VERSION:4.0" : "VERSION:3.0");
        AppendLine(output, "N:" + VCardText.Escape(contact.LastName) + ";" + VCardText.Escape(contact.FirstName) + ";;;");
        var fullName = contact.FirstName.Length > 0 && contact.LastName.Length > 0
            ? contact.FirstName + " " + contact.LastName
            : contact.FirstName + contact.LastName;
        AppendLine(output, "FN:" + VCardText.Escape(fullName));
        if (!string.IsNullOrEmpty(contact.Department))
        {
            AppendLine(output, "ORG:;" + VCardText.Escape(contact.Department));
        }

        AppendPhone(output, contact.WorkNumber, v4 ? "\"work,voice\"" : "WORK,VOICE", v4);
        AppendPhone(output, contact.MobileNumber, v4 ? "\"cell,voice\"" : "CELL,VOICE", v4);
        AppendPhone(output, contact.HomeNumber, v4 ? "\"home,voice\"" : "HOME,VOICE", v4);
        AppendPhone(output, contact.FaxNumber, v4 ? "\"work,fax\"" : "WORK,FAX", v4);
        if (!string.IsNullOrEmpty(contact.Email))
        {
            AppendLine(output, (v4 ? "EMAIL:" : "EMAIL;TYPE=INTERNET:") + VCardText.Escape(contact.Email));
        }

        AppendText(output, "X-K7-EXTENSION", contact.Extension);
        AppendText(output, "X-K7-SITE", contact.Site);
        if (contact.Kind != ContactKind.Personal)
        {
            AppendText(output, "X-K7-KIND", contact.Kind.ToString());
        }

        if (item.IsFavorite)
        {
            AppendLine(output, "CATEGORIES:Favorites");
        }

        AppendLine(output, "END:VCARD");
    }

    private static void AppendPhone(StringBuilder output, string? number, string types, bool v4)
    {
        if (string.IsNullOrEmpty(number))
        {
            return;
        }

        if (!v4)
        {
            AppendLine(output, "TEL;TYPE=" + types + ":" + VCardText.Escape(number));
        }
        else if (IsE164(number))
        {
            AppendLine(output, "TEL;VALUE=uri;TYPE=" + types + ":tel:" + number);
        }
        else
        {
            AppendLine(output, "TEL;VALUE=text;TYPE=" + types + ":" + VCardText.Escape(number));
        }
    }

    private static bool IsE164(string number)
    {
        if (number.Length < 2 || number[0] != '+')
        {
            return false;
        }

        for (var i = 1; i < number.Length; i++)
        {
            if (!char.IsAsciiDigit(number[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendText(StringBuilder output, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            AppendLine(output, name + ":" + VCardText.Escape(value));
        }
    }

    /// <summary>Appends a content line, folded so that no physical line exceeds 75 UTF-8 octets, and CRLF.</summary>
    internal static void AppendLine(StringBuilder output, string line)
    {
        var octets = 0;
        var i = 0;
        while (i < line.Length)
        {
            int length;
            int size;
            if (char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]))
            {
                length = 2;
                size = 4;
            }
            else
            {
                length = 1;
                var c = line[i];

                // A lone surrogate is written as U+FFFD (3 octets) by a UTF-8 writer.
                size = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            }

            if (octets + size > MaxOctets)
            {
                output.Append("\r\n ");
                octets = 1;
            }

            output.Append(line, i, length);
            octets += size;
            i += length;
        }

        output.Append("\r\n");
    }
}
