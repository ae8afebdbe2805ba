using System.Globalization;
using K7.SampleHost;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;

try
{
    var app = SampleHostApp.Build(args);
    await app.RunAsync();
    return 0;
}
catch (InvalidOperationException e) when (e.Message.StartsWith("The settings are not valid", StringComparison.Ordinal))
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}
