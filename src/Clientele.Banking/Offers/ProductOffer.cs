namespace Clientele.Banking.Offers;

/// <summary>One fact behind an offer: which signal, in words, and the client's own figure (amount, count, category or month).</summary>
public sealed record Evidence(string Signal, string Description, decimal? AmountKzt = null, int? Count = null, string? Category = null, DateTime? Month = null);

/// <summary>A product for one client: estimated benefit in tenge per month, whether the client qualifies, the score it was ranked by, its rank (1 = best) and why.</summary>
public sealed record ProductOffer(string Product, decimal BenefitKztPerMonth, bool Eligible, double Score, int Rank, IReadOnlyList<Evidence> Evidence);

/// <summary>All ten products for one client, best first.</summary>
public sealed record ClientOffers(int ClientCode, IReadOnlyList<ProductOffer> Offers)
{
    /// <summary>The first <paramref name="count"/> products by rank; the engine ranks eligible products before the others.</summary>
    public IReadOnlyList<ProductOffer> Top(int count) => Offers.Take(count).ToList();

    public ProductOffer Best => Offers[0];
}
