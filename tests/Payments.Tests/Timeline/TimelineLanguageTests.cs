using PaymentFunctions.Payments.Timeline;

namespace PaymentFunctions.Payments.Tests.Timeline;

public sealed class TimelineLanguageTests
{
    [Theory]
    [InlineData(null, "es")]
    [InlineData("", "es")]
    [InlineData("   ", "es")]
    [InlineData("en", "en")]
    [InlineData("en-US", "en")]
    [InlineData("es-MX", "es")]
    [InlineData("fr-FR, de", "es")]
    [InlineData("*", "es")]
    [InlineData("en-US,en;q=0.9,es;q=0.8", "en")]
    [InlineData("es;q=0.5, en;q=0.9", "en")]
    [InlineData("en;q=0.4, es-MX;q=0.6", "es")]
    [InlineData("en;q=0, fr", "es")]
    [InlineData("fr;q=1, en;q=0.1", "en")]
    [InlineData("es, en", "es")]
    [InlineData("en, es", "en")]
    [InlineData("en;q=0.8, es;q=0.8", "en")]
    [InlineData("EN-GB;Q=0.7", "en")]
    [InlineData("en;q=abc, es;q=0.1", "es")]
    public void Accept_language_picks_the_preferred_supported_language(string? header, string expected)
    {
        Assert.Equal(expected, TimelineLanguage.FromAcceptLanguage(header));
    }
}
