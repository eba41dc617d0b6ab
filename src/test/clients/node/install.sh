#!/usr/bin/env bash
# Installs the node conformance drivers' packages exactly as package-lock.json pins them, and
# generates the Prisma client. Safe to run again. `prisma generate` would try to download a schema
# engine it does not use; any executable named in PRISMA_SCHEMA_ENGINE_BINARY keeps it offline.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/true}" npx --no-install prisma generate
