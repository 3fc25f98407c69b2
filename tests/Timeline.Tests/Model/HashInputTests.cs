using System.IO.Hashing;
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

        var expected = XxHash128.Hash([.. Encoding.UTF8.GetBytes("één "), 1, 2, 3, .. Encoding.UTF8.GetBytes("تاریخ")]);
        Assert.Equal(Convert.ToHexString(expected), hex);
        Assert.Equal(Convert.ToHexStringLower(expected), input.HexLower());
        Assert.Equal(expected, input.Hash());
        Assert.Equal(expected, HashInput.Of([.. Encoding.UTF8.GetBytes("één "), 1, 2, 3, .. Encoding.UTF8.GetBytes("تاریخ")]));
        Assert.Equal(32, hex.Length);
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
                Assert.Equal(Convert.ToHexString(XxHash128.Hash("inside"u8)), inner.Hex());
            }

            outer = first.Add("after").Hex();
        }

        Assert.Equal(Convert.ToHexString(XxHash128.Hash("before after"u8)), outer);
    }

    [Fact]
    public void An_input_used_again_starts_empty()
    {
        using (var first = HashInput.Start())
        {
            first.Add("left over");
        }

        using var second = HashInput.Start();
        Assert.Equal(Convert.ToHexString(XxHash128.Hash("new"u8)), second.Add("new").Hex());
    }
}
