// aioprometheus' metrics-fetcher as a .NET tool: scrapes a metrics endpoint the way Prometheus does, in the format
// asked for (or a random one each time), and prints each answer as text: the text formats as they are, protobuf
// decoded with Pyrometer.Formats.Protobuf's schema and printed in the text exposition format.
//
//   dotnet run --project samples/MetricsFetcher -- --url http://127.0.0.1:8000/metrics --format binary --interval 2
//   200 OK, application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; encoding=delimited, 87 bytes, 3.1 ms
//   # HELP events_total Number of events.
//   # TYPE events_total counter
//   events_total{host="alpha",kind="timer_expiry"} 33
//
// The metrics go to stdout (so `... | promtool check metrics` works); the line per fetch, --debug output and errors
// to stderr. Exit codes: see ExitCodes.cs.
using System.CommandLine.Invocation;
using Pyrometer.Samples.MetricsFetcher;

var command = FetcherCommand.Create().Parse(args);
if (command.Action is ParseErrorAction parseError)
{
    parseError.ShowHelp = false; // the error alone; -h shows the options
}

return await command.InvokeAsync();
