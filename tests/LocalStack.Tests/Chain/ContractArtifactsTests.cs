using System.Diagnostics;
using PaymentFunctions.LocalStack.Chain;

namespace PaymentFunctions.LocalStack.Tests.Chain;

public sealed class ContractArtifactsTests
{
    [Fact]
    public async Task Committed_artifacts_are_byte_identical_to_a_fresh_compile_of_the_sources()
    {
        string root = ContractArtifacts.RepositoryRoot;
        string output = Path.Combine(Path.GetTempPath(), "pf-contracts-" + Guid.NewGuid().ToString("N"));
        try
        {
            var start = new ProcessStartInfo("node") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine("contracts", "compile.mjs"));
            start.ArgumentList.Add("--out");
            start.ArgumentList.Add(output);
            using Process process = Process.Start(start)!;
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"compile.mjs failed (did `npm ci` run at the repository root?): {await stdout}{await stderr}");

            string[] fresh = RelativeJsonFiles(output);
            string[] committed = RelativeJsonFiles(ContractArtifacts.Directory);
            Assert.Equal(["MXNB.json", "PaymentEscrow.json", "test/ReentrantToken.json"], fresh);
            Assert.Equal(fresh, committed);
            foreach (string file in fresh)
            {
                byte[] compiled = await File.ReadAllBytesAsync(Path.Combine(output, file));
                byte[] inRepository = await File.ReadAllBytesAsync(Path.Combine(ContractArtifacts.Directory, file));
                Assert.True(compiled.AsSpan().SequenceEqual(inRepository), $"contracts/artifacts/{file} is stale; run `node contracts/compile.mjs` and commit the result.");
            }
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    private static string[] RelativeJsonFiles(string folder) =>
        Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();

    [Fact]
    public void Escrow_artifact_exposes_the_lifecycle_functions_events_and_errors()
    {
        ContractArtifact escrow = ContractArtifacts.PaymentEscrow;

        Assert.Equal("createEscrow(bytes32,address,address,uint256,uint64)", escrow.Function("createEscrow").Signature);
        Assert.Equal("getEscrow(uint256)", escrow.Function("getEscrow").Signature);
        Assert.Equal("tuple", escrow.Function("getEscrow").Definition.OutputParameters.Single().Type);
        Assert.Equal(
            ["bytes32", "address", "address", "address", "uint256", "uint64", "uint64", "uint8"],
            ((Nethereum.ABI.TupleType)escrow.Function("getEscrow").Definition.OutputParameters[0].ABIType).Components.Select(c => c.Type));
        foreach (string name in new[] { "release", "dispute", "refund", "cancel", "pause", "unpause" })
        {
            Assert.Equal($"{name}{(name is "pause" or "unpause" ? "()" : "(uint256)")}", escrow.Function(name).Signature);
        }

        Assert.Equal("resolveDispute(uint256,bool)", escrow.Function("resolveDispute").Signature);
        Assert.Equal("EscrowCreated(uint256,bytes32,address,address,address,uint256,uint64)", escrow.Event("EscrowCreated").Signature);
        Assert.Contains(escrow.Errors, e => e.Signature == "InvalidStatus(uint256,uint8)");
        Assert.False(escrow.Bytecode.IsEmpty);
        Assert.Equal("mint(address,uint256)", ContractArtifacts.Mxnb.Function("mint").Signature);
        Assert.Equal("burn(uint256)", ContractArtifacts.Mxnb.Function("burn").Signature);
    }

    [Fact]
    public void Deployment_data_is_the_bytecode_followed_by_the_encoded_constructor_arguments()
    {
        ContractArtifact token = ContractArtifacts.Mxnb;
        var admin = Ethereum.Addresses.Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

        byte[] data = token.CreateDeploymentData(admin);

        Assert.Equal(token.Bytecode.Length + 32, data.Length);
        Assert.True(data.AsSpan(0, token.Bytecode.Length).SequenceEqual(token.Bytecode.Span));
        Assert.True(data.AsSpan(data.Length - 20).SequenceEqual(admin.Bytes));
    }
}
