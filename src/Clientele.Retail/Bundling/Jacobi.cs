namespace Clientele.Retail.Bundling;

/// <summary>Eigenvalues and eigenvectors (columns) of a small symmetric matrix by cyclic Jacobi rotations.</summary>
internal static class Jacobi
{
    public static (double[] Values, double[,] Vectors) Eigen(double[,] symmetric)
    {
        var size = symmetric.GetLength(0);
        var matrix = (double[,])symmetric.Clone();
        var vectors = new double[size, size];
        for (var index = 0; index < size; index++)
        {
            vectors[index, index] = 1;
        }
        double scale = 0;
        foreach (var value in symmetric)
        {
            scale += value * value;
        }
        for (var sweep = 0; sweep < 100; sweep++)
        {
            double offDiagonal = 0;
            for (var row = 0; row < size; row++)
            {
                for (var column = row + 1; column < size; column++)
                {
                    offDiagonal += matrix[row, column] * matrix[row, column];
                }
            }
            if (offDiagonal <= 1e-26 * scale)
            {
                break;
            }
            for (var first = 0; first < size; first++)
            {
                for (var second = first + 1; second < size; second++)
                {
                    if (Math.Abs(matrix[first, second]) < 1e-300)
                    {
                        continue;
                    }
                    var theta = (matrix[second, second] - matrix[first, first]) / (2 * matrix[first, second]);
                    var tangent = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0)
                    {
                        tangent = 1;
                    }
                    var cosine = 1 / Math.Sqrt(tangent * tangent + 1);
                    var sine = tangent * cosine;
                    for (var index = 0; index < size; index++)
                    {
                        var atFirst = matrix[index, first];
                        var atSecond = matrix[index, second];
                        matrix[index, first] = cosine * atFirst - sine * atSecond;
                        matrix[index, second] = sine * atFirst + cosine * atSecond;
                    }
                    for (var index = 0; index < size; index++)
                    {
                        var atFirst = matrix[first, index];
                        var atSecond = matrix[second, index];
                        matrix[first, index] = cosine * atFirst - sine * atSecond;
                        matrix[second, index] = sine * atFirst + cosine * atSecond;
                    }
                    for (var index = 0; index < size; index++)
                    {
                        var atFirst = vectors[index, first];
                        var atSecond = vectors[index, second];
                        vectors[index, first] = cosine * atFirst - sine * atSecond;
                        vectors[index, second] = sine * atFirst + cosine * atSecond;
                    }
                }
            }
        }
        var values = new double[size];
        for (var index = 0; index < size; index++)
        {
            values[index] = matrix[index, index];
        }
        return (values, vectors);
    }
}
