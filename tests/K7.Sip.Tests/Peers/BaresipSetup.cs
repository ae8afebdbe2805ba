using System.Globalization;

namespace K7.Sip.Tests.Peers;

/// <summary>Writes the configuration folder of a baresip softphone on 127.0.0.1 that answers calls itself (a sine tone as its microphone, no sound card).</summary>
internal static class BaresipSetup
{
    /// <summary>Writes <c>config</c>, <c>accounts</c> (the one account line given) and an empty <c>contacts</c> into <paramref name="folder"/>.</summary>
    /// <param name="folder">The folder given to baresip with <c>-f</c>.</param>
    /// <param name="account">The account line, such as <c>&lt;sip:202wp@127.0.0.1:5060;transport=udp&gt;;auth_pass=...;answermode=auto</c>.</param>
    /// <returns>The UDP port baresip listens on.</returns>
    public static async Task<int> WriteAsync(string folder, string account)
    {
        Directory.CreateDirectory(folder);
        var sipPort = PeerProcess.FreeUdpPort();
        var rtp = 20000 + ((sipPort % 1000) * 10);
        await File.WriteAllTextAsync(Path.Combine(folder, "config"), string.Create(CultureInfo.InvariantCulture, $"""
            poll_method		epoll
            net_interface		127.0.0.1
            sip_listen		127.0.0.1:{sipPort}
            module_path		/usr/lib/baresip/modules
            module			g711.so
            module			ausine.so
            module			aufile.so
            audio_source		ausine,440
            audio_alert		aufile,/dev/null
            audio_player		aufile,/dev/null
            ausrc_srate		48000
            auplay_srate		48000
            ausrc_channels		2
            auplay_channels		1
            rtp_ports		{rtp}-{rtp + 9}
            module_app		account.so
            module_app		menu.so

            """));
        await File.WriteAllTextAsync(Path.Combine(folder, "accounts"), account + "\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "contacts"), string.Empty);
        return sipPort;
    }
}
