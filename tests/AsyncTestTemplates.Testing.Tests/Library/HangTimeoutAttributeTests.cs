namespace AsyncTestTemplates.Testing.Tests.Library;

public sealed class HangTimeoutAttributeTests
{
    [Fact]
    public void A_test_assembly_declares_its_hang_timeout_and_one_without_gets_the_default()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), HangTimeoutAttribute.Of(typeof(HangTimeoutAttributeTests).Assembly));
        Assert.Equal(TimeSpan.FromSeconds(HangTimeoutAttribute.DefaultSeconds), HangTimeoutAttribute.Of(typeof(object).Assembly));
        Assert.Equal(TimeSpan.FromSeconds(HangTimeoutAttribute.DefaultSeconds), HangTimeoutAttribute.Of(null));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_hang_timeout_of_zero_or_less_is_refused(int seconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HangTimeoutAttribute(seconds));
}
