namespace Clientele.Visitors.Vectors;

/// <summary>How far apart two vectors are: raw Euclidean (L2) distance, or cosine distance (1 − cosine similarity).</summary>
public enum VectorMetric
{
    Euclidean,
    Cosine,
}
