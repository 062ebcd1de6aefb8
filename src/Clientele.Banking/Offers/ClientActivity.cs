namespace Clientele.Banking.Offers;

/// <summary>One card payment as the engine sees it: local wall-clock time, category, amount in tenge, original currency.</summary>
public readonly record struct SpendingRow(DateTime OccurredAt, string Category, decimal AmountKzt, string Currency);

/// <summary>One transfer: type (salary_in, atm_withdrawal, fx_buy…), direction in/out, amount in tenge.</summary>
public readonly record struct TransferRow(DateTime OccurredAt, string Type, string Direction, decimal AmountKzt);

/// <summary>Everything the engine may know about one client: the profile and three months of behaviour. Never the client's code as a signal.</summary>
public sealed record ClientActivity(
    int ClientCode,
    string Name,
    string Status,
    int Age,
    string City,
    decimal AvgMonthlyBalanceKzt,
    IReadOnlyList<SpendingRow> Spending,
    IReadOnlyList<TransferRow> Transfers);
