using iAyos.Messaging.Predictions.CleaningMarketplace;

namespace iAyos.Messaging.Predictions.Tests.CleaningMarketplace;

public class GeoDistanceTests
{
    [Fact]
    public void The_same_point_is_zero_km_away()
    {
        Assert.Equal(0, GeoDistance.Kilometres(37.9838, 23.7275, 37.9838, 23.7275));
    }

    [Fact]
    public void Athens_centre_to_Piraeus_is_about_8_5_km()
    {
        var km = GeoDistance.Kilometres(37.9838, 23.7275, 37.9420, 23.6465);

        Assert.InRange(km, 8.2, 8.8);
    }

    [Fact]
    public void Distance_is_symmetric()
    {
        var there = GeoDistance.Kilometres(37.9838, 23.7275, 37.9420, 23.6465);
        var back = GeoDistance.Kilometres(37.9420, 23.6465, 37.9838, 23.7275);

        Assert.Equal(there, back, 9);
    }

    [Fact]
    public void Along_a_meridian_the_distance_is_the_radius_times_the_latitude_difference()
    {
        // One degree of latitude = 6371.0088 * pi / 180 = 111.195 km.
        var km = GeoDistance.Kilometres(0, 0, 1, 0);

        Assert.Equal(111.195, km, 3);
    }

    [Fact]
    public void Antipodal_points_are_half_the_circumference_apart_not_NaN()
    {
        var km = GeoDistance.Kilometres(0, 0, 0, 180);

        Assert.Equal(Math.PI * GeoDistance.EarthRadiusKm, km, 6);
    }
}
