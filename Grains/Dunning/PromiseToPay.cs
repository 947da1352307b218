namespace O2C.Grains.Dunning;

public sealed record PromiseToPay(decimal Amount, DateOnly Date, DateOnly MadeOn, decimal OutstandingWhenMade);
