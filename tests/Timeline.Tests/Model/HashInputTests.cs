using System.Security.Cryptography;
using System.Text;
using Timeline.Model;
using Xunit;

namespace Timeline.Tests.Model;

public sealed class HashInputTests
{
    [Fact]
    public void Hashes_what_was_added_in_order_as_one_text()
    {
        using var input = HashInput.Start();
        var hex = input.Add("één ").Add([1, 2, 3]).Add("تاریخ").Hex();

        var expected = SHA256.HashData([.. Encoding.UTF8.GetBytes("één "), 1, 2, 3, .. Encoding.UTF8.GetBytes("تاریخ")]);
        Assert.Equal(Convert.ToHexString(expected), hex);
        Assert.Equal(Convert.ToHexStringLower(expected), input.HexLower());
        Assert.Equal(expected, input.Hash());
    }

    [Fact]
    public void A_key_gathered_inside_another_leaves_the_outer_one_whole()
    {
        string outer;
        using (var first = HashInput.Start())
        {
            first.Add("before ");
            using (var inner = HashInput.Start())
            {
                inner.Add("inside");
                Assert.Equal(Convert.ToHexString(SHA256.HashData("inside"u8)), inner.Hex());
            }

            outer = first.Add("after").Hex();
        }

        Assert.Equal(Convert.ToHexString(SHA256.HashData("before after"u8)), outer);
    }

    [Fact]
    public void An_input_used_again_starts_empty()
    {
        using (var first = HashInput.Start())
        {
            first.Add("left over");
        }

        using var second = HashInput.Start();
        Assert.Equal(Convert.ToHexString(SHA256.HashData("new"u8)), second.Add("new").Hex());
    }
}
