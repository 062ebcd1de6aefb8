namespace Clientele.Banking.Domain;

/// <summary>The last N calendar months up to the month of the latest activity (June–August for the case data).</summary>
public readonly record struct SpendingWindow(DateTime From, DateTime Until)
{
    public const int Months = 3;

    /// <summary>
    /// The one window of a client's figures, for the engine and the dashboard alike (<c>total_spending_3m</c>, top categories):
    /// the last <see cref="Months"/> calendar months up to the month of the latest card payment or transfer.
    /// </summary>
    public static SpendingWindow ForClient(IEnumerable<DateTime> cardPayments, IEnumerable<DateTime> transfers) =>
        LastMonths(cardPayments.Concat(transfers), Months);

    public static SpendingWindow LastMonths(IEnumerable<DateTime> activity, int months)
    {
        var latest = activity.DefaultIfEmpty(DateTime.MinValue).Max();
        if (latest == DateTime.MinValue)
        {
            return new SpendingWindow(DateTime.MinValue, DateTime.MaxValue);
        }
        var monthStart = new DateTime(latest.Year, latest.Month, 1);
        return new SpendingWindow(monthStart.AddMonths(1 - months), monthStart.AddMonths(1));
    }

    public bool Contains(DateTime moment) => moment >= From && moment < Until;
}
