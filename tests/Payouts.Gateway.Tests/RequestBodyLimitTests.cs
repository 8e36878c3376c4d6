using System.Net;
using Payouts.Gateway.Tests.Support;

namespace Payouts.Gateway.Tests;

/// <summary>The default cap (1 MiB): the fixture does not override <c>Gateway:MaxRequestBodyBytes</c>.</summary>
[Collection(GatewayCollection.Name)]
public sealed class RequestBodyLimitTests(GatewayFixture fixture)
{
    private const int OneMebibyte = 1024 * 1024;

    [Fact]
    public async Task Body_at_the_cap_is_forwarded_whole()
    {
        using var response = await fixture.Client.SendAsync("POST", "/v1/payouts/batch", TestTokens.User(), new ByteArrayContent(new byte[OneMebibyte]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(OneMebibyte, (await response.ReadEchoAsync()).BodyLength);
    }

    [Theory]
    [InlineData("/v1/payouts/batch", Family.Bulk)]
    [InlineData("/api/action/payout/", Family.App)]
    [InlineData("/payout/simple", Family.SinglePayout)]
    public async Task Declared_length_over_the_cap_is_413_in_the_family_envelope(string path, Family family)
    {
        using var response = await fixture.Client.SendAsync("POST", path, TestTokens.User(), new ByteArrayContent(new byte[OneMebibyte + 1]));

        var message = await EnvelopeAssert.IsErrorAsync(response, family, 413, "payload_too_large");
        Assert.Contains(OneMebibyte.ToString(System.Globalization.CultureInfo.InvariantCulture), message);
    }

    [Fact]
    public async Task Chunked_body_over_the_cap_is_413_in_the_family_envelope()
    {
        var content = new StreamContent(new UnknownLengthStream(2 * OneMebibyte));
        Assert.True(content.Headers.ContentLength is null, "the body must go out chunked");

        using var response = await fixture.Client.SendAsync("POST", "/v1/payouts/batch", TestTokens.User(), content);

        await EnvelopeAssert.IsErrorAsync(response, Family.Bulk, 413, "payload_too_large");
    }

    [Fact]
    public async Task Chunked_body_under_the_cap_is_forwarded_whole()
    {
        var content = new StreamContent(new UnknownLengthStream(300_000));

        using var response = await fixture.Client.SendAsync("POST", "/v1/payouts/batch", TestTokens.User(), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(300_000, (await response.ReadEchoAsync()).BodyLength);
    }

    /// <summary>A readable stream that hides its length, so HttpClient has to send it chunked.</summary>
    private sealed class UnknownLengthStream(long length) : Stream
    {
        private long _remaining = length;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, _remaining);
            Array.Clear(buffer, offset, n);
            _remaining -= n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
