using System.Text;
using O2C.Delivery.Channels;

namespace O2C.Delivery.Tests;

public sealed class WebhookSignatureTests
{
    [Fact]
    public void The_signature_is_the_hex_hmac_sha256_of_the_body_as_rfc_4231_computes_it()
    {
        // RFC 4231, test case 2.
        var signature = WebhookSignature.Sign("Jefe", Encoding.ASCII.GetBytes("what do ya want for nothing?"));

        Assert.Equal("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", signature);
    }

    [Fact]
    public void A_receiver_accepts_the_signature_of_the_exact_body_only()
    {
        var body = Encoding.UTF8.GetBytes("""{"idempotencyKey":"o2c-1"}""");
        var signature = WebhookSignature.Sign("secret", body);

        Assert.True(WebhookSignature.Verify("secret", body, signature));
        Assert.False(WebhookSignature.Verify("other", body, signature));
        Assert.False(WebhookSignature.Verify("secret", Encoding.UTF8.GetBytes("""{"idempotencyKey":"o2c-2"}"""), signature));
        Assert.False(WebhookSignature.Verify("secret", body, null));
    }

    [Fact]
    public void The_idempotency_key_is_the_same_for_every_attempt_of_a_message_and_differs_between_messages()
    {
        static OutgoingMessage Attempt(string id, int attempt) => new(id, "Sms", "c:1-C1", null, "c:1", "Reminder", "en", "+31", "s", "b", attempt);

        Assert.Equal(Attempt("c:1-C1-m1-sms", 1).IdempotencyKey, Attempt("c:1-C1-m1-sms", 4).IdempotencyKey);
        Assert.NotEqual(Attempt("c:1-C1-m1-sms", 1).IdempotencyKey, Attempt("c:1-C1-m2-sms", 1).IdempotencyKey);
        Assert.Matches("^o2c-[0-9a-f]{32}$", Attempt("c:1-C1-m1-sms", 1).IdempotencyKey);
    }
}
