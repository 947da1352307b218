using O2C.Clock;
using System.Globalization;
using Microsoft.Extensions.Options;
using O2C.Grains.Interfaces.Customers;
using O2C.Grains.Interfaces.Invoices;
using O2C.Grains.Interfaces.Orders;
using O2C.Grains.Interfaces.Payments;

namespace O2C.Silo.Demo;

/// <summary>
/// The synthetic workload of <c>--demo</c>: upserts the demo customers, then places a steady stream
/// of orders through <see cref="ICustomerGrain.PlaceOrder"/> and, in business time, pays each invoice
/// the way its customer does (on time, late, partly or never), disputes a few and promises to pay on
/// some cases. Everything goes through the grains, as the HTTP API would.
/// </summary>
internal sealed partial class DemoWorkload(
    IGrainFactory grains, BusinessClock clock, IOptions<DemoOptions> options, IHostApplicationLifetime lifetime, ILogger<DemoWorkload> logger)
    : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private static readonly (string Sku, string Description, decimal Price)[] Catalog =
    [
        ("SKU-100", "Espresso machine service", 240m), ("SKU-200", "Office chairs", 189m), ("SKU-300", "Printer toner", 64.5m),
        ("SKU-400", "Pallet of paper", 410m), ("SKU-500", "Delivery van rental (day)", 135m), ("SKU-600", "Consulting hour", 95m),
    ];

    private readonly Random _random = Random.Shared;
    private readonly DemoSchedule _schedule = new();
    private long _orders;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Start only when every hosted service runs: the database is migrated and the grains are up.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled()))
        {
            try
            {
                await started.Task;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var customers = DemoCustomers.Create(options.Value.CustomersPerGroup);
        await Task.WhenAll(customers.Select(c => grains.GetGrain<ICustomerGrain>(c.CustomerId).Upsert(c.Profile)));
        LogStarted(logger, customers.Count, options.Value.OrdersPerSecond, clock.Speed);

        var credit = 0.0;
        using var timer = new PeriodicTimer(Tick);
        while (await Wait(timer, stoppingToken))
        {
            credit += options.Value.OrdersPerSecond * Tick.TotalSeconds;
            var work = new List<Task>();
            for (; credit >= 1; credit--)
            {
                work.Add(Guard(() => PlaceOrderAsync(customers[_random.Next(customers.Count)])));
            }

            work.AddRange(_schedule.TakeDue(clock.GetUtcNow()).Select(action => Guard(action)));
            await Task.WhenAll(work);
        }
    }

    private async Task PlaceOrderAsync(DemoCustomer customer)
    {
        var lines = Enumerable.Range(0, _random.Next(1, 4)).Select(_ =>
        {
            var item = Catalog[_random.Next(Catalog.Length)];
            return new OrderLine(item.Sku, item.Description, _random.Next(1, 6), item.Price, 0.21m, _random.Next(5) == 0 ? 5m : null);
        }).ToList();
        var orderId = string.Create(CultureInfo.InvariantCulture, $"DEMO-{Interlocked.Increment(ref _orders):D7}");
        var result = await grains.GetGrain<ICustomerGrain>(customer.CustomerId).PlaceOrder(
            new PlaceOrder(orderId, customer.CustomerId, Today(), customer.Profile.Currency, lines));
        if (result.InvoiceId is null || await grains.GetGrain<IInvoiceGrain>(result.InvoiceId).Get() is not { } invoice)
        {
            return;
        }

        PlanPayments(customer, invoice);
    }

    private void PlanPayments(DemoCustomer customer, InvoiceSummary invoice)
    {
        var due = new DateTimeOffset(invoice.DueDate.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var roll = _random.Next(100);
        if (roll < 3)
        {
            // The occasional dispute, resolved (refused) ten days later; the chase then resumes.
            _schedule.At(due.AddDays(3), () => grains.GetGrain<IInvoiceGrain>(invoice.InvoiceId).Dispute("goods arrived damaged"));
            _schedule.At(due.AddDays(12), () => grains.GetGrain<IInvoiceGrain>(invoice.InvoiceId).ResolveDispute("credit note refused"));
        }

        switch (customer.Habit)
        {
            case PayerHabit.OnTime:
                Pay(customer, invoice, invoice.Total, due.AddDays(-_random.Next(0, 4)), "a");
                break;
            case PayerHabit.Late:
                var paysOn = due.AddDays(_random.Next(4, 26));
                if (roll % 3 == 0)
                {
                    // A promise to pay once the case is open; kept two times out of three.
                    var kept = _random.Next(3) > 0;
                    _schedule.At(due.AddDays(2), () => PromiseAsync(customer, invoice, paysOn));
                    paysOn = kept ? paysOn : paysOn.AddDays(6);
                }

                Pay(customer, invoice, invoice.Total, paysOn, "a");
                break;
            case PayerHabit.Partly:
                var half = Math.Round(invoice.Total / 2, 2);
                Pay(customer, invoice, half, due.AddDays(_random.Next(1, 5)), "a");
                if (roll < 60)
                {
                    Pay(customer, invoice, invoice.Total - half, due.AddDays(_random.Next(12, 40)), "b");
                }

                break;
            case PayerHabit.Never:
                break;
        }
    }

    private void Pay(DemoCustomer customer, InvoiceSummary invoice, decimal amount, DateTimeOffset at, string part) =>
        _schedule.At(at, () => grains.GetGrain<IPaymentGrain>($"PAY-{invoice.InvoiceId}-{part}").Receive(new ReceivePayment(
            $"PAY-{invoice.InvoiceId}-{part}", amount, invoice.Currency, clock.GetUtcNow(), invoice.InvoiceId, invoice.PaymentReference,
            customer.CustomerId, customer.Profile.Name)));

    private async Task PromiseAsync(DemoCustomer customer, InvoiceSummary invoice, DateTimeOffset paysOn)
    {
        var snapshot = await grains.GetGrain<ICustomerGrain>(customer.CustomerId).GetSnapshot();
        if (snapshot?.OpenCaseId is { } caseId)
        {
            await grains.GetGrain<Grains.Interfaces.Dunning.IDunningCaseGrain>(caseId)
                .PromiseToPay(invoice.Total, DateOnly.FromDateTime(paysOn.UtcDateTime));
        }
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task Guard(Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogActionFailed(logger, error.Message);
        }
    }

    private static async Task<bool> Wait(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo workload: {Customers} customers, {OrdersPerSecond} orders/s, business clock at {Speed}x")]
    private static partial void LogStarted(ILogger logger, int customers, double ordersPerSecond, double speed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Demo action failed: {Error}")]
    private static partial void LogActionFailed(ILogger logger, string error);
}
