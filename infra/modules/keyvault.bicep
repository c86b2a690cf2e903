// Key Vault Premium: the bridge wallet's signing key in an HSM, and the secrets the app settings refer to.
param location string

@description('Globally unique, 3-24 characters.')
param vaultName string

param tags object

@description('The bridge wallet key (Chain:BridgeKeyName).')
param bridgeKeyName string

@description('Secret name → value; each becomes a secret that an app setting refers to.')
@secure()
param secrets object

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    // Premium is the SKU with HSM-protected keys; an EC-HSM key cannot be created in a Standard vault.
    sku: { family: 'A', name: 'premium' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

// secp256k1 in the HSM: the key signs Ethereum transactions and never leaves the vault.
resource bridgeKey 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: vault
  name: bridgeKeyName
  properties: {
    kty: 'EC-HSM'
    curveName: 'P-256K'
    keyOps: [
      'sign'
      'verify'
    ]
  }
}

resource secretValues 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [for secret in items(secrets): {
  parent: vault
  name: secret.key
  properties: {
    value: secret.value
  }
}]

output name string = vault.name
output uri string = vault.properties.vaultUri
