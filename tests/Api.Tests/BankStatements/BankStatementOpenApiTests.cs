using System.Text.Json.Nodes;
using O2C.Tests.Support;

namespace O2C.Api.Tests.BankStatements;

/// <summary>The OpenAPI document describes the statement upload's XML body and the payment queue's actions (issue 16).</summary>
[Collection(PostgresFixture.Collection)]
public sealed class BankStatementOpenApiTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_import_documents_its_camt053_body_as_application_xml_or_text_xml()
    {
        await using var cluster = await TestCluster.StartAsync(postgres);
        var document = JsonNode.Parse(await cluster.Client.GetStringAsync("/openapi/v1.json"))!;
        var paths = document["paths"]!.AsObject();

        var import = paths.Single(p => p.Key.TrimEnd('/') == "/v1/bank-statements").Value!["post"]!;
        var content = import["requestBody"]!["content"]!.AsObject().Select(c => c.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["application/xml", "text/xml"], content);
        Assert.Contains("camt.053", import["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("201", import["responses"]!.AsObject().Select(r => r.Key));
        Assert.NotNull(paths["/v1/payments/{paymentId}/allocate"]?["post"]);
        Assert.NotNull(paths["/v1/payments/{paymentId}/refund-request"]?["post"]);
        Assert.DoesNotContain(paths, p => p.Key.StartsWith("/v1/bank-statements/", StringComparison.Ordinal) && p.Key.Length > "/v1/bank-statements/".Length);
    }
}
