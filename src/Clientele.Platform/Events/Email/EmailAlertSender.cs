using Clientele.Platform.Events.Webhooks;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Clientele.Platform.Events.Email;

/// <summary>
/// Sends due alert e-mails over SMTP (MailKit), claimed with a lease like webhook deliveries, retried with back-off and
/// marked dead after <see cref="EmailOptions.MaxAttempts"/>. Off while <c>Clientele:Events:Email:Host</c> is empty.
/// </summary>
public sealed partial class EmailAlertSender(IServiceScopeFactory scopes, IOptions<EventsOptions> options, ILogger<EmailAlertSender> logger) : BackgroundService
{
    private EmailOptions Settings => options.Value.Email;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Settings.Enabled)
        {
            return;
        }
        await PollingRounds.RunAsync(RunOnceAsync, () => options.Value.Webhooks.Poll, logger, "alert e-mail", stoppingToken);
    }

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EventsDbContext>();
        var now = LeaseTime.Now();
        var due = await db.EmailAlerts.IgnoreQueryFilters().AsNoTracking()
            .Where(a => (a.Status == DeliveryStatus.Pending || a.Status == DeliveryStatus.Failed) && a.NextAttemptAt <= now)
            .OrderBy(a => a.NextAttemptAt).Take(20).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var alert in due)
        {
            var lease = LeaseTime.Truncate(now + TimeSpan.FromMinutes(2));
            var won = await db.EmailAlerts.IgnoreQueryFilters()
                .Where(a => a.Id == alert.Id && a.Status == alert.Status && a.NextAttemptAt == alert.NextAttemptAt)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.NextAttemptAt, lease).SetProperty(a => a.Attempts, a => a.Attempts + 1), cancellationToken);
            if (won != 1)
            {
                continue;
            }
            var attempts = alert.Attempts + 1;
            string? error = null;
            try
            {
                await SendAsync(alert, cancellationToken);
                EventsMetrics.EmailsSent.Add(1);
                sent++;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                EventsMetrics.EmailsFailed.Add(1);
                error = WebhookDeliveryWorker.Describe(exception);
                LogSendFailed(logger, alert.EventType, attempts, error);
            }
            var status = error is null ? DeliveryStatus.Succeeded : attempts >= Settings.MaxAttempts ? DeliveryStatus.Dead : DeliveryStatus.Failed;
            DateTimeOffset? next = status == DeliveryStatus.Failed ? LeaseTime.Truncate(DateTimeOffset.UtcNow + Settings.BackOff(attempts)) : null;
            DateTimeOffset? sentAt = error is null ? DateTimeOffset.UtcNow : null;
            await db.EmailAlerts.IgnoreQueryFilters().Where(a => a.Id == alert.Id && a.NextAttemptAt == lease)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, status).SetProperty(a => a.NextAttemptAt, next)
                    .SetProperty(a => a.LastError, error).SetProperty(a => a.SentAt, sentAt), cancellationToken);
        }
        return sent;
    }

    private async Task SendAsync(EmailAlert alert, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(Settings.From));
        foreach (var recipient in Settings.Recipients)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }
        if (message.To.Count == 0)
        {
            throw new InvalidOperationException("Clientele:Events:Email:To names no recipient");
        }
        message.Subject = alert.Subject;
        message.Body = new TextPart("plain") { Text = alert.Body };
        message.Headers.Add("X-Clientele-Event-Id", alert.EventId.ToString());
        using var smtp = new SmtpClient { Timeout = 30_000 };
        await smtp.ConnectAsync(Settings.Host!, Settings.Port, Enum.Parse<SecureSocketOptions>(Settings.Security, ignoreCase: true), cancellationToken);
        if (!string.IsNullOrEmpty(Settings.Username))
        {
            await smtp.AuthenticateAsync(Settings.Username, Settings.Password ?? "", cancellationToken);
        }
        await smtp.SendAsync(message, cancellationToken);
        await smtp.DisconnectAsync(quit: true, cancellationToken);
    }

    [LoggerMessage(LogLevel.Warning, "Alert e-mail for {EventType} failed (attempt {Attempts}): {Error}")]
    private static partial void LogSendFailed(ILogger logger, string eventType, int attempts, string error);
}
