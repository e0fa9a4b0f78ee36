using iAyos.Messaging.Training.PriceModel;

namespace iAyos.Messaging.Training.Tests.PriceModel;

public class TagListTests
{
    [Theory]
    [InlineData("['electronics', 'repair', 'maintenance']", new[] { "electronics", "repair", "maintenance" })]
    [InlineData("[\"pest control\", \"home improvement\"]", new[] { "pest control", "home improvement" })]
    [InlineData("['a, b', 'c']", new[] { "a, b", "c" })]                       // comma inside a quoted item
    [InlineData("[\"it's\", 'say \"hi\"']", new[] { "it's", "say \"hi\"" })]   // the other quote inside an item
    [InlineData(@"['it\'s']", new[] { "it's" })]                               // backslash escape
    [InlineData("[plumbing, pipes]", new[] { "plumbing", "pipes" })]           // bare items
    [InlineData("[ 'CCTV' ,'alarm',]", new[] { "CCTV", "alarm" })]             // spacing and a trailing comma
    [InlineData("['repair', 'Repair', 'repair']", new[] { "repair" })]         // each once, first spelling kept
    [InlineData("['unterminated]", new[] { "unterminated" })]      // an unterminated quote takes the rest
    public void Parse_reads_list_literals_without_evaluating_them(string cell, string[] expected)
    {
        var tags = TagList.Parse(cell, out var wasListLiteral);

        Assert.Equal(expected, tags);
        Assert.Equal(cell.TrimEnd().EndsWith(']'), wasListLiteral);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[ ]")]
    [InlineData("['', '  ']")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("nan")]
    [InlineData("None")]
    [InlineData(null)]
    public void Parse_of_an_empty_or_missing_list_is_empty(string? cell)
    {
        Assert.Empty(TagList.Parse(cell));
    }

    [Fact]
    public void Parse_of_plain_comma_separated_text_splits_it_and_says_so()
    {
        var tags = TagList.Parse("plumbing, pipes ,water", out var wasListLiteral);

        Assert.Equal(["plumbing", "pipes", "water"], tags);
        Assert.False(wasListLiteral);
    }

    [Fact]
    public void Parse_does_not_execute_anything_that_looks_like_code()
    {
        // An eval would run this; the parser sees one bare item.
        Assert.Equal(["__import__('os').system('x')"], TagList.Parse("__import__('os').system('x')"));
    }
}
