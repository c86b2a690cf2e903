using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("PaymentFunctions.LocalStack.Tests")]
