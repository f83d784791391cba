using System.ComponentModel.DataAnnotations;
using Bin.Domain.Geometry;

namespace Bin.Dashboard.Features.Networks;

/// <summary>The police zone this installation serves; defaults to Politiezone Lommel (5371).</summary>
public sealed class ZoneOptions
{
    public const string Section = "Zone";

    [Required] public string Name { get; set; } = ServiceArea.Lommel.Name;
    [Range(-90, 90)] public double CentreLatitude { get; set; } = ServiceArea.Lommel.CentreLatitude;
    [Range(-180, 180)] public double CentreLongitude { get; set; } = ServiceArea.Lommel.CentreLongitude;

    /// <summary>Incidents further than this from the centre are refused as typing errors.</summary>
    [Range(1_000, 100_000)] public double RadiusMetres { get; set; } = ServiceArea.Lommel.RadiusMetres;

    public ServiceArea ToServiceArea() => new(Name, CentreLatitude, CentreLongitude, RadiusMetres);
}
