using Clientele.Retail.Shared;

namespace Clientele.Retail.Sales;

/// <summary>The body of <c>POST</c> and <c>PUT /api/transactions/</c>; also one row of an imported transactions.csv.</summary>
public sealed record TransactionInput(int CustomerId, int TimeId, decimal TransactionAmount, string Channel, string PaymentType)
{
    public const decimal MaxAmount = 1_000_000_000_000m;
    public static readonly IReadOnlyList<string> Channels = ["Store", "Online", "Mobile App"];
    public static readonly IReadOnlyList<string> PaymentTypes = ["Cash", "Credit Card", "Debit Card", "Digital Wallet"];

    public RetailTransaction? Check(Checks checks)
    {
        var before = checks.Problems.Count;
        checks.Range("customer_id", CustomerId, 1, int.MaxValue);
        checks.Range("time_id", TimeId, 1, int.MaxValue);
        checks.Money("transaction_amount", TransactionAmount, MaxAmount);
        var transaction = new RetailTransaction
        {
            CustomerId = CustomerId,
            TimeId = TimeId,
            Amount = TransactionAmount,
            Channel = checks.OneOf("channel", Channel, Channels),
            PaymentType = checks.OneOf("payment_type", PaymentType, PaymentTypes),
        };
        return checks.Problems.Count == before ? transaction : null;
    }
}

/// <summary>The body of <c>POST</c> and <c>PUT /api/sales/</c>; also one row of an imported sales.csv (whose line_total is checked, not taken).</summary>
public sealed record SaleInput(int TransactionId, int ProductSku, int Quantity, decimal UnitPrice)
{
    public const int MaxQuantity = 100_000;
    public const decimal MaxUnitPrice = 1_000_000_000m;

    public Sale? Check(Checks checks)
    {
        var before = checks.Problems.Count;
        checks.Range("transaction_id", TransactionId, 1, int.MaxValue);
        checks.Range("product_sku", ProductSku, 1, int.MaxValue);
        checks.Range("quantity", Quantity, 1, MaxQuantity);
        checks.Money("unit_price", UnitPrice, MaxUnitPrice);
        return checks.Problems.Count == before
            ? new Sale { TransactionId = TransactionId, ProductSku = ProductSku, Quantity = Quantity, UnitPrice = UnitPrice, LineTotal = Sale.LineTotalOf(Quantity, UnitPrice) }
            : null;
    }
}
