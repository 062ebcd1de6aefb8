using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Clientele.Testing;

namespace Clientele.Api.Tests.Jobs;

/// <summary>A real <c>Clientele.Server</c> process on a free loopback port, with its output kept for failure messages.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public ServerProcess(string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        Port = FreePort();
        var serverDll = Path.Combine(AppContext.BaseDirectory, "Clientele.Server.dll");
        var info = new ProcessStartInfo("dotnet", $"\"{serverDll}\" --urls http://127.0.0.1:{Port}")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_CONTENTROOT"] = Path.GetFullPath(Path.Combine(SharedData.RepositoryRoot(), "src", "Clientele.Server"));
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
    }

    public int Port { get; }
    public int Id => _process.Id;
    public HttpClient Http { get; }
    public bool HasExited => _process.HasExited;

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

    /// <summary>Waits until the server answers /health/live (it listens only after migrations and demo data).</summary>
    public async Task WaitUntilLiveAsync()
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(5);
        while (true)
        {
            Assert.False(_process.HasExited, $"the server stopped before it was ready:\n{Output}");
            try
            {
                if ((await Http.GetAsync("/health/live")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the server did not start:\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL on Linux: no shutdown hooks, no lease release, open transactions die with the connection.</summary>
    public void KillHard()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        Http.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
