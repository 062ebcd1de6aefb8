namespace Clientele.Api.Tests.Events;

/// <summary>Waits for something the background workers do; the timeout is generous and only ends a test that would hang.</summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, int timeoutSeconds = 90)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}");
            await Task.Delay(50);
        }
    }
}
