namespace Clientele.Retail.Bundling;

/// <summary>
/// Item vectors learned from co-occurrence, item2vec-style by matrix factorisation: the positive pointwise mutual
/// information (PPMI) of item pairs, with the context distribution smoothed (count^0.75, as word2vec's negative
/// sampling does), factorised by a truncated eigendecomposition (randomised range finder with power iterations).
/// Vectors are U·√λ, normalised to unit length, so a dot product is a cosine.
/// </summary>
public sealed class ItemEmbeddings
{
    private readonly float[] vectors;

    internal ItemEmbeddings(int itemCount, int dimensions, float[] vectors)
    {
        ItemCount = itemCount;
        Dimensions = dimensions;
        this.vectors = vectors;
    }

    public int ItemCount { get; }

    public int Dimensions { get; }

    public ReadOnlySpan<float> Of(int item) => vectors.AsSpan(item * Dimensions, Dimensions);

    public double Cosine(int item, int other) => Dot(Of(item), Of(other));

    public static double Dot(ReadOnlySpan<float> left, ReadOnlySpan<float> right)
    {
        double sum = 0;
        for (var index = 0; index < left.Length; index++)
        {
            sum += left[index] * right[index];
        }
        return sum;
    }

    public static ItemEmbeddings Train(ItemCooccurrence cooccurrence, int dimensions, int seed, double smoothing = 0.75, int powerIterations = 3)
    {
        ArgumentNullException.ThrowIfNull(cooccurrence);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        var itemCount = cooccurrence.ItemCount;
        var matrix = Ppmi(cooccurrence, smoothing);
        var rank = Math.Min(dimensions, Math.Max(1, itemCount));
        var width = Math.Min(itemCount, rank + 10);
        var vectors = new float[itemCount * rank];
        if (itemCount == 0 || matrix.Values.Length == 0)
        {
            return new ItemEmbeddings(itemCount, rank, vectors);
        }

        var random = new Random(seed);
        var basis = new double[itemCount * width];
        for (var index = 0; index < basis.Length; index++)
        {
            basis[index] = Gaussian(random);
        }
        basis = matrix.Times(basis, width);
        Orthonormalise(basis, itemCount, width);
        for (var iteration = 0; iteration < powerIterations; iteration++)
        {
            basis = matrix.Times(basis, width);
            Orthonormalise(basis, itemCount, width);
        }

        var projected = matrix.Times(basis, width);
        var small = new double[width, width];
        for (var row = 0; row < width; row++)
        {
            for (var column = row; column < width; column++)
            {
                double sum = 0;
                for (var item = 0; item < itemCount; item++)
                {
                    sum += basis[item * width + row] * projected[item * width + column];
                }
                small[row, column] = sum;
                small[column, row] = sum;
            }
        }
        var (values, eigenvectors) = Jacobi.Eigen(small);
        var order = Enumerable.Range(0, width).OrderByDescending(index => values[index]).Take(rank).ToArray();
        for (var item = 0; item < itemCount; item++)
        {
            double norm = 0;
            for (var dimension = 0; dimension < rank; dimension++)
            {
                var component = order[dimension];
                var scale = Math.Sqrt(Math.Max(0, values[component]));
                double sum = 0;
                for (var inner = 0; inner < width; inner++)
                {
                    sum += basis[item * width + inner] * eigenvectors[inner, component];
                }
                var value = sum * scale;
                vectors[item * rank + dimension] = (float)value;
                norm += value * value;
            }
            if (norm > 0)
            {
                var inverse = 1 / Math.Sqrt(norm);
                for (var dimension = 0; dimension < rank; dimension++)
                {
                    vectors[item * rank + dimension] = (float)(vectors[item * rank + dimension] * inverse);
                }
            }
        }
        return new ItemEmbeddings(itemCount, rank, vectors);
    }

    private static SparseSymmetric Ppmi(ItemCooccurrence cooccurrence, double smoothing)
    {
        var itemCount = cooccurrence.ItemCount;
        var rowSums = new double[itemCount];
        double total = 0;
        for (var item = 0; item < itemCount; item++)
        {
            foreach (var count in cooccurrence.PairCountsOf(item))
            {
                rowSums[item] += count;
            }
            total += rowSums[item];
        }
        var smoothedTotal = rowSums.Sum(sum => Math.Pow(sum, smoothing));
        var logSmoothed = rowSums.Select(sum => sum > 0 ? Math.Log(Math.Pow(sum, smoothing) / smoothedTotal) : 0).ToArray();
        var starts = new int[itemCount + 1];
        var columns = new List<int>();
        var values = new List<double>();
        for (var item = 0; item < itemCount; item++)
        {
            var partners = cooccurrence.PartnersOf(item);
            var counts = cooccurrence.PairCountsOf(item);
            for (var index = 0; index < partners.Length; index++)
            {
                var pmi = Math.Log(counts[index] / total) - logSmoothed[item] - logSmoothed[partners[index]];
                if (pmi > 0)
                {
                    columns.Add(partners[index]);
                    values.Add(pmi);
                }
            }
            starts[item + 1] = columns.Count;
        }
        return new SparseSymmetric(starts, [.. columns], [.. values]);
    }

    private static void Orthonormalise(double[] matrix, int rows, int width)
    {
        for (var column = 0; column < width; column++)
        {
            for (var pass = 0; pass < 2; pass++)
            {
                for (var previous = 0; previous < column; previous++)
                {
                    double dot = 0;
                    for (var row = 0; row < rows; row++)
                    {
                        dot += matrix[row * width + column] * matrix[row * width + previous];
                    }
                    for (var row = 0; row < rows; row++)
                    {
                        matrix[row * width + column] -= dot * matrix[row * width + previous];
                    }
                }
            }
            double norm = 0;
            for (var row = 0; row < rows; row++)
            {
                norm += matrix[row * width + column] * matrix[row * width + column];
            }
            norm = Math.Sqrt(norm);
            for (var row = 0; row < rows; row++)
            {
                matrix[row * width + column] = norm > 1e-12 ? matrix[row * width + column] / norm : 0;
            }
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    internal void Write(BinaryWriter writer)
    {
        writer.Write(ItemCount);
        writer.Write(Dimensions);
        ModelFormat.WriteFloats(writer, vectors);
    }

    internal static ItemEmbeddings Read(BinaryReader reader)
    {
        var itemCount = reader.ReadInt32();
        var dimensions = reader.ReadInt32();
        var vectors = ModelFormat.ReadFloats(reader);
        if (itemCount < 0 || dimensions < 1 || vectors.Length != (long)itemCount * dimensions)
        {
            throw new InvalidDataException("The item vectors of the bundle model are inconsistent.");
        }
        return new ItemEmbeddings(itemCount, dimensions, vectors);
    }

    private sealed record SparseSymmetric(int[] Starts, int[] Columns, double[] Values)
    {
        public double[] Times(double[] dense, int width)
        {
            var rows = Starts.Length - 1;
            var result = new double[rows * width];
            for (var row = 0; row < rows; row++)
            {
                var target = result.AsSpan(row * width, width);
                for (var entry = Starts[row]; entry < Starts[row + 1]; entry++)
                {
                    var value = Values[entry];
                    var source = dense.AsSpan(Columns[entry] * width, width);
                    for (var column = 0; column < width; column++)
                    {
                        target[column] += value * source[column];
                    }
                }
            }
            return result;
        }
    }
}
