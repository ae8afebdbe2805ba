using System.Globalization;
using K7.Sip.Authentication;
using K7.Sip.Transport;

namespace K7.Sip.Registrar.Sample;

/// <summary>The registrar sample's command line, parsed; every error names the option and the bad value.</summary>
public sealed class RegistrarCommandLine
{
    public const string Usage = """
        K7.Sip registrar sample: a SIP registrar with digest authentication that real phones register to.

        Usage: K7.Sip.Registrar [options]
          --listen ADDRESS      where to listen, repeatable: udp:127.0.0.1:5060, tcp:[::1]:5060, udp:0.0.0.0:5060
                                (default: udp:127.0.0.1:5060 and tcp:127.0.0.1:5060; port 0 picks a free port)
          --users FILE          users file, one "username:password" per line, # comments (default: users.txt beside the program)
          --realm REALM         digest realm (default: the first --domain, else k7)
          --domain DOMAIN       a domain this registrar serves, repeatable (default: any)
          --algorithms LIST     digest algorithms in order of preference: SHA-256,MD5 (default), or MD5, or SHA-256
          --devices FILE        keep the device list (the Phones page) in this JSON file (default: in memory)
          --qualify SECONDS     send OPTIONS to registered contacts this often; 0 turns it off (default: 60)
          --min-expires SECONDS shortest registration accepted, else 423 (default: 60)
          --max-expires SECONDS longest registration granted (default: 3600)
          --udp-threads N       threads reading each UDP socket (default: one per processor)
          --rules FILE          answering rules of one user (K7.Routing JSON), repeatable; calls to other users ring all their phones
          --voicemail URI       where calls routed to voicemail go, {user} for the mailbox: sip:vm-{user}@127.0.0.1:5090
          --voicemail-redirect  answer calls routed to voicemail with 302 to that URI instead of proxying them
          --ring-timeout SECONDS how long phones ring when no rule says (default: 60)
          --outbound-proxy HOST:PORT where calls to external numbers go (an IP address)
          --no-auth             accept REGISTER without credentials (lab use only)
          --quiet               print only the listen addresses and errors
          --help                print this text
        """;

    public List<SipListenAddress> Listen { get; } = [];

    public string? UsersFile { get; private set; }

    public string? Realm { get; private set; }

    public List<string> Domains { get; } = [];

    public List<DigestAlgorithm>? Algorithms { get; private set; }

    public string? DevicesFile { get; private set; }

    public int QualifySeconds { get; private set; } = 60;

    public int? MinExpires { get; private set; }

    public int? MaxExpires { get; private set; }

    public int? UdpThreads { get; private set; }

    public List<string> RulesFiles { get; } = [];

    public string? VoicemailUri { get; private set; }

    public bool VoicemailRedirect { get; private set; }

    public int? RingTimeoutSeconds { get; private set; }

    public string? OutboundProxy { get; private set; }

    public bool NoAuth { get; private set; }

    public bool Quiet { get; private set; }

    public bool Help { get; private set; }

    /// <summary>Parses the arguments.</summary>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value or has a bad one; the message says which.</exception>
    public static RegistrarCommandLine Parse(IReadOnlyList<string> args)
    {
        var result = new RegistrarCommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            string Value()
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"Option {option} needs a value.");
                }

                return args[++i];
            }

            switch (option)
            {
                case "--listen":
                    var text = Value();
                    result.Listen.Add(SipListenAddress.TryParse(text, out var address)
                        ? address
                        : throw new ArgumentException($"Option --listen: '{text}' is not a listen address such as udp:127.0.0.1:5060."));
                    break;
                case "--users":
                    result.UsersFile = Value();
                    break;
                case "--realm":
                    result.Realm = Value();
                    break;
                case "--domain":
                    result.Domains.Add(Value());
                    break;
                case "--algorithms":
                    result.Algorithms = ParseAlgorithms(Value());
                    break;
                case "--devices":
                    result.DevicesFile = Value();
                    break;
                case "--rules":
                    result.RulesFiles.Add(Value());
                    break;
                case "--voicemail":
                    result.VoicemailUri = Value();
                    break;
                case "--voicemail-redirect":
                    result.VoicemailRedirect = true;
                    break;
                case "--ring-timeout":
                    result.RingTimeoutSeconds = Seconds(option, Value(), allowZero: false);
                    break;
                case "--outbound-proxy":
                    result.OutboundProxy = Value();
                    break;
                case "--qualify":
                    result.QualifySeconds = Seconds(option, Value(), allowZero: true);
                    break;
                case "--min-expires":
                    result.MinExpires = Seconds(option, Value(), allowZero: false);
                    break;
                case "--max-expires":
                    result.MaxExpires = Seconds(option, Value(), allowZero: false);
                    break;
                case "--udp-threads":
                    var threads = Value();
                    result.UdpThreads = int.TryParse(threads, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is > 0 and <= 64
                        ? count
                        : throw new ArgumentException($"Option --udp-threads: '{threads}' is not a whole number from 1 to 64.");
                    break;
                case "--no-auth":
                    result.NoAuth = true;
                    break;
                case "--quiet":
                    result.Quiet = true;
                    break;
                case "--help" or "-h":
                    result.Help = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{option}'. Try --help.");
            }
        }

        return result;
    }

    private static List<DigestAlgorithm> ParseAlgorithms(string text)
    {
        var list = new List<DigestAlgorithm>();
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var algorithm = name.ToUpperInvariant() switch
            {
                "MD5" => DigestAlgorithm.Md5,
                "SHA-256" or "SHA256" => DigestAlgorithm.Sha256,
                _ => throw new ArgumentException($"Option --algorithms: '{name}' is not MD5 or SHA-256."),
            };
            if (!list.Contains(algorithm))
            {
                list.Add(algorithm);
            }
        }

        return list.Count > 0 ? list : throw new ArgumentException("Option --algorithms needs at least one algorithm.");
    }

    private static int Seconds(string option, string text, bool allowZero) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && (value > 0 || (allowZero && value == 0))
            ? value
            : throw new ArgumentException($"Option {option}: '{text}' is not a whole number of seconds{(allowZero ? string.Empty : " above 0")}.");
}
