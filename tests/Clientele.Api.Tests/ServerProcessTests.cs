using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Clientele.Api.Tests.Support;
using Clientele.Testing;

namespace Clientele.Api.Tests;

/// <summary>The server as a newcomer starts it: its own process, SQLite under ./data, demo data, the banner; then the import verb.</summary>
public sealed class ServerProcessTests : IDisposable
{
    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("clientele-run-").FullName;

    [SkippableFact]
    public async Task A_fresh_start_migrates_fills_demo_data_prints_the_banner_and_the_import_verb_loads_the_case()
    {
        var port = FreePort();
        var output = new StringBuilder();
        using var server = Start($"--urls http://127.0.0.1:{port}", output);
        try
        {
            await WaitForAsync(() => Snapshot(output).Contains("Clientele is running.", StringComparison.Ordinal), server);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

            var banner = Snapshot(output);
            Assert.Contains($"Dashboard:   http://127.0.0.1:{port}/", banner, StringComparison.Ordinal);
            Assert.Contains($"API docs:    http://127.0.0.1:{port}/docs", banner, StringComparison.Ordinal);
            foreach (var module in new[] { "banking", "retail", "churn", "visitors", "leads" })
            {
                Assert.Contains($"http://127.0.0.1:{port}/{module}", banner, StringComparison.Ordinal);
            }
            Assert.Contains("admin@clientele.local", banner, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(_workingDirectory, "data", "clientele.db")));
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
            var demo = await (await http.GetAsync("/banking/api/clients")).ReadJsonAsync();
            Assert.True(demo.GetArrayLength() >= 20, "demo data should fill the banking module");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        var refusedOutput = new StringBuilder();
        using var refused = Start("import banking /no/such/folder", refusedOutput);
        await refused.WaitForExitAsync();
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("Not found: /no/such/folder", Snapshot(refusedOutput), StringComparison.Ordinal);

        var caseFolder = SharedData.Require("bank_case");
        var importOutput = new StringBuilder();
        using var import = Start($"import banking {caseFolder}", importOutput);
        await import.WaitForExitAsync();
        Assert.True(import.ExitCode == 0, Snapshot(importOutput));
        Assert.Contains("60 clients, 18000 transactions, 18000 transfers", Snapshot(importOutput), StringComparison.Ordinal);
    }

    private Process Start(string arguments, StringBuilder output)
    {
        var serverDll = Path.Combine(AppContext.BaseDirectory, "Clientele.Server.dll");
        var contentRoot = Path.GetFullPath(Path.Combine(SharedData.RepositoryRoot(), "src", "Clientele.Server"));
        var info = new ProcessStartInfo("dotnet", $"\"{serverDll}\" {arguments}")
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_CONTENTROOT"] = contentRoot;
        info.Environment.Remove("ConnectionStrings__Clientele");
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    // The process's output is appended from its reader threads under a lock; read it under the same lock.
    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, Process process)
    {
        for (var i = 0; i < 1200 && !condition(); i++)
        {
            Assert.False(process.HasExited, "the server stopped before it was ready");
            await Task.Delay(100);
        }
        Assert.True(condition(), "the server did not print its banner");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);
}
