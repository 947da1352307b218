using O2C.Api.Invoices;
using O2C.Grains.Payments;

namespace O2C.Silo.Hosting;

public static class PaymentLinkHostingExtensions
{
    /// <summary>
    /// The invoice views of the API show the payment link the messages carry: the grains' link
    /// template (<c>O2C:Payments:LinkTemplate</c>), which the API does not reference itself.
    /// </summary>
    public static IHostApplicationBuilder AddPaymentLinksOnInvoices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new InvoicePaymentLinks(sp.GetRequiredService<PaymentLinkTemplate>().For));
        return builder;
    }
}
