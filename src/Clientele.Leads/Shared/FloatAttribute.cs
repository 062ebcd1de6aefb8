using System.Text.Json.Serialization;
using Clientele.Platform.Json;

namespace Clientele.Leads.Shared;

/// <summary>Money written as Python writes a float (<c>50000.0</c>), as the seed prints it.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class FloatAttribute() : JsonConverterAttribute(typeof(FloatLikeDecimalConverter));
