using Clientele.Platform.Events;

namespace Clientele.Platform.Tests.Events;

public sealed class BackOffTests
{
    [Fact]
    public void Webhook_retries_double_from_the_base_delay_up_to_the_cap()
    {
        var options = new WebhookOptions { BaseDelaySeconds = 10, MaxDelaySeconds = 100 };

        Assert.Equal([10, 20, 40, 80, 100, 100], Enumerable.Range(1, 6).Select(n => options.BackOff(n).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(100), options.BackOff(1000));
    }

    [Fact]
    public void Defaults_are_eight_attempts_and_verification_required()
    {
        var options = new EventsOptions();

        Assert.Equal(8, options.Webhooks.MaxAttempts);
        Assert.True(options.Webhooks.RequireVerification);
        Assert.False(options.Webhooks.AllowLoopback);
        Assert.False(options.Webhooks.AllowPrivateNetworks);
        Assert.Equal(4096, options.MaxClientMessageBytes);
        Assert.False(options.Email.Enabled);
    }

    [Fact]
    public void Email_recipients_split_on_commas_and_semicolons()
    {
        var email = new EmailOptions { Host = "smtp", To = "ops@bank.kz; risk@bank.kz ,," };

        Assert.True(email.Enabled);
        Assert.Equal(["ops@bank.kz", "risk@bank.kz"], email.Recipients);
    }
}
