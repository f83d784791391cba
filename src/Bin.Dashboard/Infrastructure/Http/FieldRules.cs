using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Bin.Dashboard.Infrastructure.Localization;

namespace Bin.Dashboard.Infrastructure.Http;

/// <summary>[Required] for request records, its message in the request's language naming the field as clients write it.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field)]
public sealed class RequiredFieldAttribute : RequiredAttribute
{
    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.CurrentCulture, UiText.T("http.required"), FieldRules.JsonName(name));
}

public static class FieldRules
{
    /// <summary>A C# member name as the JSON body spells it (camelCase).</summary>
    public static string JsonName(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
