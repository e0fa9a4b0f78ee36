using iAyos.Messaging.Predictions.PriceBudget;

namespace iAyos.Messaging.Predictions.Tests;

public class PriceCategoryRulesTests
{
    [Theory]
    [InlineData("Fix leaking faucet", new[] { "fixtures", "water", "plumbing", "pipes" }, "Plumbing")]
    [InlineData("Camera upgrade", new[] { "installation", "CCTV", "alarm" }, "Electrical")]
    [InlineData("Repair refrigerator", new[] { "electronics", "repair", "maintenance" }, "Appliance Repair")]
    [InlineData("Refrigerant recharge", new[] { "HVAC", "aircon" }, "Aircon Servicing")]
    [InlineData("Garage cleaning", new[] { "maintenance", "housekeeping" }, "House Cleaning")]
    [InlineData("Vinyl flooring", new[] { "installation", "flooring", "refinishing", "tiles" }, "Tiling")]
    [InlineData("Wall plastering", new[] { "construction", "tiles", "masonry", "concrete" }, "Masonry")]
    [InlineData("Mosquito fogging", new[] { "extermination", "treatment" }, "Pest Control")]
    [InlineData("Pond construction", new[] { "outdoor", "garden", "plants", "landscaping" }, "Gardening")]
    [InlineData("Storage unit move", new[] { "moving", "relocation" }, "Moving and Hauling")]
    [InlineData("Fix sagging roof", new[] { "repair", "roofing" }, "Roofing")]
    [InlineData("Install window grills", new[] { "welding", "fabrication", "steel", "metal" }, "Welding")]
    [InlineData("Custom furniture making", new[] { "wood", "furniture", "construction" }, "Carpentry")]
    [InlineData("Exterior house painting", new[] { "finishing", "repainting" }, "Painting")]
    [InlineData("Fix drawer slides", new[] { "home improvement", "repair", "maintenance" }, "Handyman")]
    public void Derive_maps_the_csvs_tag_families_onto_iayos_categories(string title, string[] tags, string category)
    {
        Assert.Equal(category, PriceCategoryRules.Derive(title, tags));
    }

    [Fact]
    public void Tags_outweigh_a_single_title_word()
    {
        // "demolition" as a tag and a title word beats one hauling tag; without the tag, hauling wins the tie-free race.
        Assert.Equal("Home Renovation", PriceCategoryRules.Derive("Pool demolition", ["demolition", "hauling"]));
        Assert.Equal("Moving and Hauling", PriceCategoryRules.Derive("Pool job", ["hauling"]));
    }

    [Fact]
    public void Ties_go_to_the_earlier_category()
    {
        // One plumbing tag and one electrical tag: Plumbing comes first in the rules.
        Assert.Equal("Plumbing", PriceCategoryRules.Derive("Job", ["wiring", "pipes"]));
        Assert.Equal("Plumbing", PriceCategoryRules.Derive("Job", ["pipes", "wiring"]));
    }

    [Fact]
    public void No_match_falls_back_to_handyman()
    {
        Assert.Equal(PriceCategoryRules.Fallback, PriceCategoryRules.Derive("Something odd", ["misc"]));
        Assert.Equal(PriceCategoryRules.Fallback, PriceCategoryRules.Derive(null, null));
    }

    [Fact]
    public void Tags_match_whatever_their_case_and_spacing()
    {
        Assert.Equal("Pest Control", PriceCategoryRules.Derive("Job", ["  Pest Control "]));
    }

    [Fact]
    public void Every_rule_names_a_distinct_category()
    {
        Assert.Equal(PriceCategoryRules.Rules.Count, PriceCategoryRules.Rules.Select(r => r.Category).Distinct().Count());
        Assert.Contains(PriceCategoryRules.Rules, r => r.Category == PriceCategoryRules.Fallback);
    }
}
