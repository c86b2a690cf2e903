// PaymentFunctions in Azure: the Functions app (src/Functions) with its storage, Key Vault, PostgreSQL,
// telemetry and identity. Deployed by `azd up` (azure.yaml); parameters in main.parameters.json.
targetScope = 'subscription'

@minLength(1)
@maxLength(20)
@description('The azd environment name; it names the resource group and stems every resource name.')
param environmentName string

@minLength(1)
@description('The Azure region for every resource.')
param location string

@description('The PostgreSQL administrator login the app connects as.')
param postgresAdministratorLogin string = 'payments'

@secure()
@description('The PostgreSQL administrator password; it is stored only in Key Vault (inside the connection string secret).')
param postgresAdministratorPassword string

@secure()
@description('Chain:RpcUrl, the Ethereum JSON-RPC endpoint; provider URLs carry an API key, so it is a secret.')
param chainRpcUrl string

@description('Chain:TokenAddress, the MXN token contract.')
param chainTokenAddress string

@description('Chain:EscrowAddress, the escrow contract.')
param chainEscrowAddress string

@description('Chain:PlatformDepositAddress, where redeemed tokens go back to Juno.')
param chainPlatformDepositAddress string

@description('Chain:Confirmations before a transaction counts.')
param chainConfirmations int = 3

@description('Juno:BaseAddress, the banking API.')
param junoBaseAddress string = 'https://api.buildwithjuno.com/'

@secure()
param junoApiKey string

@secure()
param junoApiSecret string

@secure()
@description('Payments:JunoWebhookSecret, at least 16 characters; Juno\'s callback URL carries it.')
param junoWebhookSecret string

@secure()
@description('Payments:Approvers:operations-lead, the first approver\'s approval key (x-approver-key).')
param operationsLeadApproverKey string

@secure()
@description('Payments:Approvers:finance-lead, the second approver\'s key (four-eyes rule above the threshold).')
param financeLeadApproverKey string

@secure()
@description('Keys:DurableTask, the key embedded in check-status URIs: the app\'s durabletask_extension system key.')
param durableTaskKey string

var tags = { 'azd-env-name': environmentName }
var stem = toLower(environmentName)
var suffix = uniqueString(subscription().id, environmentName)
var vaultName = take('kv${stem}${suffix}', 24)
var bridgeKeyName = 'payment-bridge'
var deploymentContainerName = 'app-package'
var databaseName = 'payments'

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: group
  name: 'identity'
  params: { location: location, name: stem, tags: tags }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: group
  name: 'monitoring'
  params: { location: location, name: stem, tags: tags }
}

module storage 'modules/storage.bicep' = {
  scope: group
  name: 'storage'
  params: {
    location: location
    accountName: take('st${replace(stem, '-', '')}${suffix}', 24)
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module postgres 'modules/postgres.bicep' = {
  scope: group
  name: 'postgres'
  params: {
    location: location
    serverName: 'psql-${stem}-${suffix}'
    tags: tags
    administratorLogin: postgresAdministratorLogin
    administratorPassword: postgresAdministratorPassword
    databaseName: databaseName
  }
}

module vault 'modules/keyvault.bicep' = {
  scope: group
  name: 'keyvault'
  params: {
    location: location
    vaultName: vaultName
    tags: tags
    bridgeKeyName: bridgeKeyName
    secrets: {
      'payments-connection-string': 'Host=${postgres.outputs.host};Port=5432;Database=${databaseName};Username=${postgresAdministratorLogin};Password=${postgresAdministratorPassword};Ssl Mode=Require'
      'chain-rpc-url': chainRpcUrl
      'juno-api-key': junoApiKey
      'juno-api-secret': junoApiSecret
      'juno-webhook-secret': junoWebhookSecret
      'durabletask-key': durableTaskKey
      'approver-operations-lead': operationsLeadApproverKey
      'approver-finance-lead': financeLeadApproverKey
    }
  }
}

module roles 'modules/roles.bicep' = {
  scope: group
  name: 'roles'
  params: {
    principalId: identity.outputs.principalId
    storageAccountName: storage.outputs.name
    vaultName: vault.outputs.name
    insightsName: monitoring.outputs.insightsName
  }
}

// A setting that resolves to a Key Vault secret when the app starts, read as the app's identity.
func secretReference(vault string, secret string) string => '@Microsoft.KeyVault(VaultName=${vault};SecretName=${secret})'

// Every setting the code reads (see src/Functions/local.settings.sample.json); Linux names use __ for ':'.
var appSettings = [
  { name: 'ConnectionStrings__Payments', value: secretReference(vaultName, 'payments-connection-string') }
  { name: 'Keys__DurableTask', value: secretReference(vaultName, 'durabletask-key') }
  { name: 'PurgeHistorySchedule', value: '0 0 3 * * *' }
  { name: 'PurgeHistoryRetentionDays', value: '30' }
  { name: 'Chain__RpcUrl', value: secretReference(vaultName, 'chain-rpc-url') }
  { name: 'Chain__TokenAddress', value: chainTokenAddress }
  { name: 'Chain__EscrowAddress', value: chainEscrowAddress }
  { name: 'Chain__PlatformDepositAddress', value: chainPlatformDepositAddress }
  { name: 'Chain__KeyVaultUri', value: vault.outputs.uri }
  { name: 'Chain__BridgeKeyName', value: bridgeKeyName }
  { name: 'Chain__KeyVaultCertificateThumbprint', value: '' }
  { name: 'Chain__Confirmations', value: string(chainConfirmations) }
  { name: 'Chain__PollInterval', value: '00:00:05' }
  { name: 'Chain__MinimumCustody', value: '00:00:30' }
  { name: 'Juno__BaseAddress', value: junoBaseAddress }
  { name: 'Juno__ApiKey', value: secretReference(vaultName, 'juno-api-key') }
  { name: 'Juno__ApiSecret', value: secretReference(vaultName, 'juno-api-secret') }
  { name: 'Juno__AttemptTimeout', value: '00:00:15' }
  { name: 'Juno__MaxRetries', value: '4' }
  { name: 'Juno__RetryBaseDelay', value: '00:00:00.500' }
  { name: 'Juno__RetryMaxDelay', value: '00:00:10' }
  { name: 'Payments__DoubleApprovalThresholdMxn', value: '100000' }
  { name: 'Payments__MaxAmountMxn', value: '1000000' }
  { name: 'Payments__MaxRequestBodyBytes', value: '65536' }
  { name: 'Payments__StuckAfter', value: '00:30:00' }
  { name: 'Payments__DepositDetectionSchedule', value: '0 * * * * *' }
  { name: 'Payments__CustodyReportSchedule', value: '0 */5 * * * *' }
  { name: 'Payments__ChainSyncSchedule', value: '0 0 * * * *' }
  { name: 'Payments__StuckDetectionSchedule', value: '0 */5 * * * *' }
  { name: 'Payments__JunoWebhookSecret', value: secretReference(vaultName, 'juno-webhook-secret') }
  { name: 'Payments__Lifecycle__StepAttempts', value: '4' }
  { name: 'Payments__Lifecycle__StepRetryInterval', value: '00:00:01' }
  { name: 'Payments__Lifecycle__PollWithin', value: '00:00:10' }
  { name: 'Payments__Lifecycle__PollInterval', value: '00:00:05' }
  { name: 'Payments__Lifecycle__PayoutAttempts', value: '3' }
  { name: 'Payments__Lifecycle__PayoutRetryInterval', value: '00:00:30' }
  { name: 'Rules__ApprovalTimeout', value: '1.00:00:00' }
  { name: 'Rules__MainnetEnabled', value: 'false' }
  { name: 'Rules__ScheduledMode', value: 'Testnet' }
  { name: 'Rules__ConfirmationPollInterval', value: '00:00:01' }
  { name: 'Rules__TransferAttempts', value: '4' }
  { name: 'Rules__Safety__SinglePaymentMax', value: '1000000' }
  { name: 'Rules__Safety__DailyTotalMax', value: '5000000' }
  { name: 'Rules__Safety__RecipientDailyMax', value: '100000' }
  { name: 'Rules__Safety__MinIntervalMinutes', value: '60' }
  { name: 'Rules__Safety__MaxDailyExecutions', value: '100' }
  { name: 'Rules__Safety__MaxRecipientDaily', value: '10' }
  { name: 'Rules__Safety__WalletWhitelistRequired', value: 'true' }
  { name: 'Rules__Safety__LargeAmountDoubleApproval', value: 'true' }
  { name: 'Rules__Safety__LargeAmountThreshold', value: '100000' }
  { name: 'Rules__Safety__NewRecipientDelayHours', value: '24' }
  { name: 'Rules__Safety__AnomalyFactor', value: '10' }
  { name: 'Payments__Approvers__operations-lead', value: secretReference(vaultName, 'approver-operations-lead') }
  { name: 'Payments__Approvers__finance-lead', value: secretReference(vaultName, 'approver-finance-lead') }
]

module functionApp 'modules/functionapp.bicep' = {
  scope: group
  name: 'functionapp'
  dependsOn: [roles]
  params: {
    location: location
    name: 'func-${stem}-${suffix}'
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    insightsConnectionString: monitoring.outputs.connectionString
    appSettings: appSettings
  }
}

output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_KEY_VAULT_URI string = vault.outputs.uri
