namespace Clientele.Retail.Bundling;

internal static class ModelFormat
{
    public static void WriteInts(BinaryWriter writer, int[] values)
    {
        writer.Write(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    public static int[] ReadInts(BinaryReader reader)
    {
        var values = new int[ReadLength(reader)];
        for (var index = 0; index < values.Length; index++)
        {
            values[index] = reader.ReadInt32();
        }
        return values;
    }

    public static void WriteFloats(BinaryWriter writer, float[] values)
    {
        writer.Write(values.Length);
        foreach (var value in values)
        {
            writer.Write(value);
        }
    }

    public static float[] ReadFloats(BinaryReader reader)
    {
        var values = new float[ReadLength(reader)];
        for (var index = 0; index < values.Length; index++)
        {
            values[index] = reader.ReadSingle();
        }
        return values;
    }

    public static int ReadLength(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        var limit = reader.BaseStream.CanSeek ? reader.BaseStream.Length - reader.BaseStream.Position : int.MaxValue;
        if (length < 0 || length > limit)
        {
            throw new InvalidDataException($"A length of {length} in the bundle model is out of range.");
        }
        return length;
    }
}
