namespace iAyos.Messaging.Predictions.CleaningMarketplace;

/// <summary>Great-circle distance between two WGS84 points.</summary>
public static class GeoDistance
{
    /// <summary>Mean earth radius (IUGG); the error against the ellipsoid is well under 1% at city scale.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Haversine distance in km: numerically stable for the short hops a city marketplace deals in.</summary>
    public static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = ToRadians(lat2 - lat1);
        var dLon = ToRadians(lon2 - lon1);
        var sinLat = Math.Sin(dLat / 2);
        var sinLon = Math.Sin(dLon / 2);
        var a = sinLat * sinLat + Math.Cos(ToRadians(lat1)) * Math.Cos(ToRadians(lat2)) * sinLon * sinLon;
        // Rounding can push a a hair past 1 for antipodal points; Asin would then return NaN.
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Clamp(a, 0, 1)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
