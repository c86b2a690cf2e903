// The storage account behind AzureWebJobsStorage (task hub queues, tables and leases; timer schedule monitor) and
// the Flex Consumption deployment package. Shared keys are off: only Entra identities get in.
param location string

@description('Globally unique, 3-24 lowercase letters and digits.')
param accountName string

param tags object

@description('The blob container Flex Consumption deploys the app package from.')
param deploymentContainerName string

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource deployment 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobs
  name: deploymentContainerName
}

output name string = account.name
output blobEndpoint string = account.properties.primaryEndpoints.blob
