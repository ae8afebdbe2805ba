using System.Text;

namespace K7.Sip;

/// <summary>The <c>Warning: 399 agent "text"</c> header value (RFC 3261 §20.43) that says what was wrong with a request.</summary>
internal static class Warning
{
    public static string Format(string serverName, string text)
    {
        var builder = new StringBuilder(text.Length + serverName.Length + 8).Append("399 ");
        foreach (var c in serverName)
        {
            builder.Append(c is ' ' or '\t' ? '-' : c);
        }

        builder.Append(" \"");
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }
}
