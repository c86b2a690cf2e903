#!/usr/bin/env bash
# One command from a fresh clone to a running demo: installs what is missing, builds, then starts the local stack
# (PostgreSQL, anvil with MXNB and the escrow, the Key Vault emulator, the Juno simulator), the app on
# http://127.0.0.1:7071 and one escrow payment from the buyer's SPEI deposit to the seller's payout.
# Usage: ./run.sh [--port N] [--lang es|en] [--amount MXN] [--backend postgres|azureStorage] [--no-wait]
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# PostgreSQL server binaries: the demo starts a private cluster from them.
if ! command -v pg_ctl >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  echo "==> installing PostgreSQL"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

# npm packages: anvil (the local chain) and Azurite (the task hub with --backend azureStorage).
if [ ! -d node_modules ]; then
  echo "==> npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "==> dotnet build (Release)"
dotnet build src/App -c Release --nologo -v quiet -clp:NoSummary
dotnet build src/Demo -c Release --nologo -v quiet -clp:NoSummary

exec dotnet run --project src/Demo -c Release --no-build -- "$@"
