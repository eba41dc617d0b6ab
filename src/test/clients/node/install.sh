#!/usr/bin/env bash
# Installs the node conformance drivers' packages exactly as package-lock.json pins them, and
# generates the Prisma client; safe to run again. No package's install scripts run: the drivers need
# none, and @prisma/engines' postinstall would download engine binaries (npm 11 skips it by itself,
# npm 10 does not). `prisma generate` would also try to download a schema engine it does not use;
# any executable named in PRISMA_SCHEMA_ENGINE_BINARY keeps it offline.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --ignore-scripts --no-audit --no-fund
PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/true}" npx --no-install prisma generate
