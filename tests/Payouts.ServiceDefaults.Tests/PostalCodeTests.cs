using Payouts.ServiceDefaults.ApiErrors;
using Payouts.ServiceDefaults.ApiResponses;
using Payouts.ServiceDefaults.Json;

namespace Payouts.ServiceDefaults.Tests;

/// <summary>Seed 002's <c>postal_code</c> goes back out with the JSON type it came in with.</summary>
public sealed class PostalCodeTests
{
    [Theory]
    [InlineData("900901", true, """{"city":null,"county":null,"postal_code":900901,"address_line_1":null,"address_line_2":null}""")]
    [InlineData("02108", false, """{"city":null,"county":null,"postal_code":"02108","address_line_1":null,"address_line_2":null}""")]
    public void A_postal_code_is_written_as_the_number_or_the_string_it_was(string value, bool isNumber, string expected) =>
        Assert.Equal(expected, FamilyJson.Serialize(new CustomerAddress(null, null, PostalCode.Of(value, isNumber), null, null), ApiFamily.SinglePayout));

    [Fact]
    public void No_postal_code_is_null()
    {
        Assert.Null(PostalCode.Of(null, isNumber: true));
        Assert.Contains("\"postal_code\":null", FamilyJson.Serialize(new CustomerAddress("Ikeja", null, null, null, null), ApiFamily.SinglePayout), StringComparison.Ordinal);
    }
}
