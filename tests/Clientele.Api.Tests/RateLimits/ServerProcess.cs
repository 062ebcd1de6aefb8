using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Clientele.Testing;

namespace Clientele.Api.Tests.RateLimits;

/// <summary>A real <c>Clientele.Server</c> process on a free loopback port, with its own environment, its output kept for the test to read.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private ServerProcess(Process process, int port, StringBuilder output)
    {
        _process = process;
        _output = output;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    public int Port { get; }
    public HttpClient Http { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the server in <paramref name="workingDirectory"/> (its SQLite database is <c>data/clientele.db</c> there) and waits until it answers.</summary>
    public static async Task<ServerProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var process = Run(workingDirectory, $"--urls http://127.0.0.1:{port}", environment, out var output);
        var server = new ServerProcess(process, port, output);
        for (var i = 0; i < 1200; i++)
        {
            Assert.False(server._process.HasExited, "the server stopped before it answered:\n" + server.Output);
            try
            {
                if ((await server.Http.GetAsync("/health/live")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("the server did not answer /health/live:\n" + server.Output);
    }

    /// <summary>Runs a command-line verb to its end and returns its output.</summary>
    public static async Task<string> RunVerbAsync(string workingDirectory, string arguments, IReadOnlyDictionary<string, string> environment)
    {
        using var process = Run(workingDirectory, arguments, environment, out var output);
        await process.WaitForExitAsync();
        var text = output.ToString();
        Assert.True(process.ExitCode == 0, text);
        return text;
    }

    private static Process Run(string workingDirectory, string arguments, IReadOnlyDictionary<string, string> environment, out StringBuilder output)
    {
        var serverDll = Path.Combine(AppContext.BaseDirectory, "Clientele.Server.dll");
        var info = new ProcessStartInfo("dotnet", $"\"{serverDll}\" {arguments}")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_CONTENTROOT"] = Path.GetFullPath(Path.Combine(SharedData.RepositoryRoot(), "src", "Clientele.Server"));
        info.Environment["Clientele__Demo__Enabled"] = "false";
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("OTEL_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        var lines = output = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(lines, e.Data);
        process.ErrorDataReceived += (_, e) => Append(lines, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Append(StringBuilder output, string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
