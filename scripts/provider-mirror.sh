#!/usr/bin/env bash
# Builds the pinned hashicorp/aws provider into an OpenTofu filesystem mirror outside the checkout
# and writes the CLI configuration that installs providers from it (the air-gapped mechanism:
# no registry is contacted). Idempotent: a mirror whose binary answers is reused at once.
#
#   scripts/provider-mirror.sh build   build (cold: about 33 min on 2 cores) or reuse the mirror
#   scripts/provider-mirror.sh status  exit 0 only if the mirror and CLI configuration are ready
#   scripts/provider-mirror.sh path    print the CLI configuration file (TF_CLI_CONFIG_FILE)
#
# Only the terraform engine and its acceptance tests need this; `tenantctl demo`, the direct
# engine and the unit tests never run it.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/.." && pwd)
PIN_FILE=$REPO/tools/terraform-provider-aws/PIN
pin() { sed -n "s/^$1=//p" "$PIN_FILE" | head -n1; }
MODULE=$(pin module)
PSEUDO=$(pin pseudo_version)
MODULE_SUM=$(pin module_sum)
VERSION=$(pin provider_version)

CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/tenantctl
MIRROR=$CACHE/provider-mirror
TARGET=linux_amd64
# OpenTofu resolves "hashicorp/aws" to registry.opentofu.org; the mirror answers for that address.
PROVIDER_DIR=$MIRROR/registry.opentofu.org/hashicorp/aws/$VERSION/$TARGET
BINARY=$PROVIDER_DIR/terraform-provider-aws_v$VERSION
CLI_CONFIG=$CACHE/tofu-cli-config.tfrc

log() { printf '[provider-mirror %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

binary_ok() { [[ -x $BINARY ]] && [[ -s $BINARY.ok ]]; }

write_cli_config() {
  local tmp=$CLI_CONFIG.tmp.$$
  cat >"$tmp" <<CFG
# Written by scripts/provider-mirror.sh: install hashicorp/aws from the local filesystem mirror
# only; every other provider would need the network, which this deployment does not have.
provider_installation {
  filesystem_mirror {
    path    = "$MIRROR"
    include = ["registry.opentofu.org/hashicorp/aws"]
  }
}
CFG
  mv -f "$tmp" "$CLI_CONFIG"
}

build() {
  mkdir -p "$CACHE"
  exec 9>"$CACHE/provider-mirror.lock"
  flock 9
  if binary_ok; then
    write_cli_config
    log "hashicorp/aws $VERSION cached at $BINARY"
    return 0
  fi
  local go; go=$(command -v go || true)
  [[ -z $go && -x /usr/local/go/bin/go ]] && go=/usr/local/go/bin/go
  [[ -n $go ]] || die "Go is needed to build the provider (not on PATH or /usr/local/go/bin)"
  log "checking $MODULE@$PSEUDO against the pinned sum"
  local sum
  sum=$(GOTOOLCHAIN=local GOFLAGS=-mod=mod "$go" mod download -json "$MODULE@$PSEUDO" | awk -F'"' '$2 == "Sum" { print $4 }')
  [[ $sum == "$MODULE_SUM" ]] || die "module sum $sum differs from the pinned $MODULE_SUM"
  log "building hashicorp/aws $VERSION from $PSEUDO (cold: about 33 min on 2 cores; warm Go caches: minutes)"
  local blog=$CACHE/provider-build.log bindir=$CACHE/provider-build.$$ t0=$SECONDS next=60 bpid
  mkdir -p "$bindir"
  (
    GOTOOLCHAIN=local CGO_ENABLED=0 GOBIN=$bindir "$go" install -trimpath \
      -ldflags "-s -w -X $MODULE/version.ProviderVersion=$VERSION" "$MODULE@$PSEUDO" >"$blog" 2>&1
  ) &
  bpid=$!
  while kill -0 "$bpid" 2>/dev/null; do
    sleep 5
    if ((SECONDS - t0 >= next)); then
      log "still building: $((SECONDS - t0)) s elapsed, Go build cache $(du -sh "$(GOTOOLCHAIN=local "$go" env GOCACHE)" 2>/dev/null | cut -f1)"
      next=$((next + 60))
    fi
  done
  wait "$bpid" || { rm -rf "$bindir"; die "build failed after $((SECONDS - t0)) s (log: $blog)"; }
  mkdir -p "$PROVIDER_DIR"
  mv -f "$bindir/terraform-provider-aws" "$BINARY"
  rm -rf "$bindir"
  printf 'built %s from %s@%s in %s s\n' "$VERSION" "$MODULE" "$PSEUDO" "$((SECONDS - t0))" >"$BINARY.ok"
  write_cli_config
  log "built hashicorp/aws $VERSION in $((SECONDS - t0)) s -> $BINARY ($(du -h "$BINARY" | cut -f1))"
}

status() {
  if binary_ok && [[ -s $CLI_CONFIG ]]; then
    echo "up   aws-provider $VERSION in $MIRROR ($(cat "$BINARY.ok"))"
    return 0
  fi
  echo "down aws-provider $VERSION not built (run scripts/provider-mirror.sh build)"
  return 1
}

case ${1:-build} in
  build) build ;;
  status) status ;;
  path) echo "$CLI_CONFIG" ;;
  *) die "usage: $0 build|status|path" ;;
esac
