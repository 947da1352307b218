using O2C.Grains.Interfaces.Customers;

namespace O2C.Silo.Demo;

/// <summary>A customer of the demo with the habit that drives its payments.</summary>
public sealed record DemoCustomer(string CustomerId, CustomerProfile Profile, PayerHabit Habit);
