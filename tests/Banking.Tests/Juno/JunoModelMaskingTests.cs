using PaymentFunctions.Banking.Clabes;
using PaymentFunctions.Banking.Juno.Models;

namespace PaymentFunctions.Banking.Tests.Juno;

public sealed class JunoModelMaskingTests
{
    private const string Clabe = "032180000118359719";

    [Fact]
    public void Models_holding_clabes_print_them_masked()
    {
        object[] models =
        [
            new JunoClabe { Clabe = Clabe },
            new JunoBankAccount { Id = "acc", Clabe = Clabe },
            new JunoTestDepositRequest { Amount = "100", ReceiverClabe = Clabe },
            new JunoTransaction { Id = "t", Details = new JunoTransactionDetails { ReceiverClabe = Clabe, SenderClabe = Clabe, TxHash = "0xabc" } },
        ];

        foreach (var model in models)
        {
            var text = model.ToString()!;
            Assert.DoesNotContain(Clabe, text, StringComparison.Ordinal);
            Assert.Contains("**************9719", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("12", "**")]
    [InlineData("123456", "**3456")]
    public void Mask_keeps_only_the_last_four(string? input, string? expected)
    {
        Assert.Equal(expected, ClabeMask.Mask(input));
    }
}
