using System.Runtime.CompilerServices;

// The transaction manager's crash hooks and fee rule are exercised by the tests.
[assembly: InternalsVisibleTo("PaymentFunctions.Ethereum.Tests")]
