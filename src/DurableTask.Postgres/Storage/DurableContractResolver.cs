using System.Runtime.CompilerServices;
using Newtonsoft.Json.Serialization;

namespace PaymentFunctions.DurableTask.Postgres.Storage;

/// <summary>
/// Newtonsoft's resolver, except that a type it cannot construct (several constructors, none marked, none without
/// parameters: DTFx's <c>ExecutionRewoundEvent</c>, for one) is created uninitialized and then filled from its data
/// members, as DataContract serialization does. The JSON itself stays DTFx's.
/// </summary>
internal sealed class DurableContractResolver : DefaultContractResolver
{
    protected override JsonObjectContract CreateObjectContract(Type objectType)
    {
        var contract = base.CreateObjectContract(objectType);
        if (contract.DefaultCreator is null && contract.OverrideCreator is null && contract.CreatorParameters.Count == 0 && !objectType.IsAbstract && !objectType.IsInterface)
        {
            contract.DefaultCreator = () => RuntimeHelpers.GetUninitializedObject(objectType);
        }

        return contract;
    }
}
