using System.Diagnostics.Metrics;
using Clientele.Platform.Events;
using Clientele.Platform.Observability;

namespace Clientele.Platform.Tests.Events;

public sealed class OutboxLagGaugeTests
{
    [Fact]
    public void The_lag_gauge_reports_the_age_of_the_oldest_waiting_message_in_seconds()
    {
        var observed = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ClienteleTelemetry.Name && instrument.Name == "clientele.outbox.lag")
            {
                Assert.Equal("s", instrument.Unit);
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => observed.Add(value));
        listener.Start();

        EventsMetrics.RecordLag(12.5);
        listener.RecordObservableInstruments();

        Assert.Equal([12.5], observed);
    }
}
