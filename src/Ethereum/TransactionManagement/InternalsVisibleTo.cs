using System.Runtime.CompilerServices;

// The transaction manager's crash hooks and fee rule are exercised by the tests.
[assembly: InternalsVisibleTo("PaymentFunctions.Ethereum.Tests")]

// The escrow gateway's tests crash its sends at the same seams.
[assembly: InternalsVisibleTo("PaymentFunctions.Payments.Tests")]
