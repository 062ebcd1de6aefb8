using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Clientele.Testing;

namespace Clientele.Api.Tests.Deployment;

/// <summary>
/// Debian's nginx in the foreground on a free loopback port, in front of the given instances, with the proxy snippet and the
/// WebSocket map shipped in <c>deploy/nginx</c> (only the listen address and the upstream servers are the test's own).
/// </summary>
public sealed partial class NginxProxy : IDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _folder;

    private NginxProxy(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }
    public static bool Installed => File.Exists(Binary);
    public string AccessLog => ReadShared(Path.Combine(_folder, "access.log"));

    public static async Task<NginxProxy> StartAsync(IReadOnlyList<int> instancePorts)
    {
        var folder = Directory.CreateTempSubdirectory("clientele-nginx-").FullName;
        // Worker processes run as nobody when the test runs as root; they need the temp folders.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)Convert.ToInt32("777", 8));
        }
        var port = FreePort();
        var deploy = Path.Combine(SharedData.RepositoryRoot(), "deploy", "nginx");
        var site = await File.ReadAllTextAsync(Path.Combine(deploy, "clientele.conf"));
        var map = UpgradeMap().Match(site);
        Assert.True(map.Success, "deploy/nginx/clientele.conf has no $connection_upgrade map");
        var servers = string.Concat(instancePorts.Select(p => $"        server 127.0.0.1:{p};\n"));
        var config = $$"""
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log info;
            events { worker_connections 256; }
            http {
                access_log {{folder}}/access.log;
                client_body_temp_path {{folder}}/client_body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                {{map.Value}}
                upstream clientele {
            {{servers}}        keepalive 8;
                }
                upstream clientele_circuits {
                    hash $remote_addr consistent;
            {{servers}}    }
                server {
                    listen 127.0.0.1:{{port}};
                    include {{deploy}}/clientele-proxy.conf;
                }
            }
            """;
        var configFile = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(configFile, config);
        var info = new ProcessStartInfo(Binary)
        {
            ArgumentList = { "-p", folder + "/", "-c", configFile, "-e", Path.Combine(folder, "error.log") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info)!;
        var proxy = new NginxProxy(process, folder, port);
        for (var i = 0; i < 600; i++)
        {
            if (process.HasExited)
            {
                var failure = $"nginx stopped ({process.ExitCode}): {await process.StandardError.ReadToEndAsync()}\n{proxy.ErrorLog}\n{config}";
                proxy.Dispose();
                throw new InvalidOperationException(failure);
            }
            if (await AcceptsAsync(port))
            {
                return proxy;
            }
            await Task.Delay(100);
        }
        var silent = "nginx did not listen:\n" + proxy.ErrorLog;
        proxy.Dispose();
        throw new InvalidOperationException(silent);
    }

    private string ErrorLog => ReadShared(Path.Combine(_folder, "error.log"));

    private static string ReadShared(string file)
    {
        if (!File.Exists(file))
        {
            return "";
        }
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit();
        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [GeneratedRegex(@"map \$http_upgrade \$connection_upgrade \{[^}]*\}")]
    private static partial Regex UpgradeMap();
}
