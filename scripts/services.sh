#!/usr/bin/env bash
# Local services for tenantctl development and tests (Debian 12, run as root).
#
#   scripts/services.sh up       start (installing if needed) and configure everything
#   scripts/services.sh status   one line per service; exit 0 only if all are up
#   scripts/services.sh down     stop our redis, moto, prometheus and the PG cluster
#   scripts/services.sh env      print the path of the env file (KEY=VALUE lines)
#
# Environment:
#   SERVICES=postgres,redis,moto,prometheus,tofu   subset to handle (default: all)
#   SKIP_TOFU=1                                    skip building/checking OpenTofu
#
# State lives in $REPO/.services (git-ignored). Secrets are generated once per machine (kept in
# $MACHINE_SECRETS, default /var/lib/tenantctl/local-secrets.env, and the audit chain's HMAC key in
# audit-secrets.env next to it, so every clone agrees) and copied in $REPO/.services/services.env
# (mode 600); this script never prints them.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/.." && pwd)
STATE=$REPO/.services
ENV_FILE=$STATE/services.env
# PostgreSQL, Redis and the tenant-secrets key belong to the machine, not to one checkout: every
# clone on this machine (a developer's, CI's fresh one) must use the same credentials, or a second
# clone would change the database password under the first and lose the key of stored secrets.
MACHINE_SECRETS=${TENANTCTL_MACHINE_SECRETS:-/var/lib/tenantctl/local-secrets.env}
MACHINE_KEYS=(REGISTRY_DB_PASSWORD REDIS_PASSWORD TENANT_SECRETS_KEY S3_ADMIN_ACCESS_KEY_ID S3_ADMIN_SECRET_ACCESS_KEY)
# The audit chain's HMAC key has a file of its own: a lost key leaves every keyed audit row
# unverifiable, and a services.sh from before the keyed chain rewrites local-secrets.env with the
# keys it knows only, so it would drop this one there.
MACHINE_AUDIT_SECRETS=${TENANTCTL_MACHINE_AUDIT_SECRETS:-$(dirname "$MACHINE_SECRETS")/audit-secrets.env}
MACHINE_AUDIT_KEYS=(AUDIT_HMAC_KEY)
# The services' own files (Redis config, moto's venv and log, Prometheus' config, file_sd targets and
# data) belong to the machine as well: a second checkout's `up` must find and reuse them, never
# re-arm moto's admin key or point Prometheus at its own empty targets folder.
MACHINE_STATE=${TENANTCTL_MACHINE_STATE:-$(dirname "$MACHINE_SECRETS")/services}
TOFU_MOD_DIR=$REPO/tools/opentofu

HOST=127.0.0.1
PG_VERSION=15
PG_CLUSTER=main
PG_PORT=5432
PG_ADMIN=tenantctl_admin
PG_REGISTRY_DB=tenant_registry
PG_TENANT_DB=tenant_data
REDIS_PORT=6379
MOTO_PORT=5123
MOTO_ADMIN_USER=tenantctl-admin
MOTO_PIP_SPEC='moto[server]>=5.2,<5.3'
PROM_PORT=9091
AWS_REGION_DEFAULT=us-east-1

ALL_SERVICES=(postgres redis moto prometheus tofu)
ENV_KEYS=(
  REGISTRY_DB_HOST REGISTRY_DB_PORT REGISTRY_DB_NAME REGISTRY_DB_USER REGISTRY_DB_PASSWORD TENANT_DB_NAME
  REDIS_HOST REDIS_PORT REDIS_PASSWORD
  S3_ENDPOINT AWS_REGION S3_ADMIN_ACCESS_KEY_ID S3_ADMIN_SECRET_ACCESS_KEY
  PROMETHEUS_URL PROMETHEUS_FILE_SD_DIR
  TERRAFORM_BIN
  TENANT_SECRETS_KEY AUDIT_HMAC_KEY
)

# ---------------------------------------------------------------------------- helpers

START_TIME=${EPOCHREALTIME:-$(date +%s)}
elapsed() {
  local now=${EPOCHREALTIME:-$(date +%s)}
  awk -v a="$START_TIME" -v b="$now" 'BEGIN { printf "%.1fs", b - a }'
}
log() { printf '[services] %s (%s)\n' "$*" "$(elapsed)"; }
warn() { printf '[services] WARNING: %s\n' "$*" >&2; }
die() { printf '[services] ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [[ ${EUID:-$(id -u)} -eq 0 ]]; }
is_debian() { [[ -f /etc/debian_version ]] && command -v apt-get >/dev/null 2>&1; }

# The subset of services to handle, from SERVICES / SKIP_TOFU.
declare -A WANT=()
parse_services() {
  local list=${SERVICES:-} s
  if [[ -z $list ]]; then
    for s in "${ALL_SERVICES[@]}"; do WANT[$s]=1; done
  else
    IFS=', ' read -r -a _req <<<"$list"
    for s in "${_req[@]}"; do
      [[ -z $s ]] && continue
      case $s in
        postgres | redis | moto | prometheus | tofu) WANT[$s]=1 ;;
        pg | postgresql) WANT[postgres]=1 ;;
        s3) WANT[moto]=1 ;;
        opentofu | terraform) WANT[tofu]=1 ;;
        *) die "unknown service '$s' in SERVICES (known: ${ALL_SERVICES[*]})" ;;
      esac
    done
  fi
  if [[ ${SKIP_TOFU:-0} == 1 ]]; then unset 'WANT[tofu]'; fi
}
wants() { [[ -n ${WANT[$1]:-} ]]; }

# Port helpers: no external tools needed for the "is it open" check.
port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }
port_pids() { # pids of processes listening on TCP port $1 (needs ss)
  command -v ss >/dev/null 2>&1 || return 0
  ss -Hltnp "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u
}
proc_cmd() { tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null || true; }
pid_alive() { [[ -n ${1:-} ]] && kill -0 "$1" 2>/dev/null; }
read_pid() { if [[ -f $1 ]]; then tr -dc '0-9' <"$1"; fi; }
http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time "${2:-3}" "$1" 2>/dev/null || true; }

wait_until() { # wait_until SECONDS DESCRIPTION CMD...
  local timeout=$1 i # $2 only documents what is awaited
  shift 2
  for ((i = 0; i < timeout * 4; i++)); do
    if "$@"; then return 0; fi
    sleep 0.25
  done
  return 1
}

stop_pid() { # stop_pid PID NAME: TERM, wait up to 15s, then KILL
  local pid=$1 name=$2 i
  pid_alive "$pid" || return 0
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 60; i++)); do pid_alive "$pid" || return 0; sleep 0.25; done
  warn "$name (pid $pid) did not stop after 15s, sending KILL"
  kill -9 "$pid" 2>/dev/null || true
}

gen_password() { # 32 alphanumeric characters
  local s=''
  while ((${#s} < 32)); do s+=$(head -c 48 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9'); done
  printf '%s' "${s:0:32}"
}
gen_key32() { head -c 32 /dev/urandom | base64 -w0; }

# ---------------------------------------------------------------------------- env file

declare -A ENV=()
load_env() {
  [[ -f $ENV_FILE ]] || return 0
  [[ -r $ENV_FILE ]] || die "$ENV_FILE is not readable (run as root?)"
  local line
  while IFS= read -r line || [[ -n $line ]]; do
    [[ $line =~ ^[A-Z_][A-Z0-9_]*= ]] || continue
    ENV[${line%%=*}]=${line#*=}
  done <"$ENV_FILE"
}
write_env() {
  mkdir -p "$STATE"
  local tmp k
  tmp=$(umask 077 && mktemp "$STATE/.services.env.XXXXXX")
  for k in "${ENV_KEYS[@]}"; do printf '%s=%s\n' "$k" "${ENV[$k]:-}"; done >"$tmp"
  chmod 600 "$tmp"
  mv -f "$tmp" "$ENV_FILE"
}
load_machine_secrets() { # [FILE] the machine's values win: every checkout uses the services' current credentials
  local file=${1:-$MACHINE_SECRETS} line key
  [[ -r $file ]] || return 0
  while IFS= read -r line || [[ -n $line ]]; do
    [[ $line =~ ^[A-Z_][A-Z0-9_]*= ]] || continue
    key=${line%%=*}
    # an if, not `[[ ]] && …`: an empty last line would make that the loop's (and function's) failing status
    if [[ -n ${line#*=} ]]; then ENV[$key]=${line#*=}; fi
  done <"$file"
}
save_machine_secrets() { # [FILE KEY...] (default: $MACHINE_SECRETS and MACHINE_KEYS); other keys in FILE are kept
  local file=${1:-$MACHINE_SECRETS} dir tmp k line
  local -a keys=("${MACHINE_KEYS[@]}")
  (($# > 1)) && keys=("${@:2}")
  dir=$(dirname "$file")
  mkdir -p "$dir" && chmod 700 "$dir"
  tmp=$(umask 077 && mktemp "$dir/.local-secrets.XXXXXX")
  {
    for k in "${keys[@]}"; do printf '%s=%s\n' "$k" "${ENV[$k]:-}"; done
    if [[ -r $file ]]; then
      while IFS= read -r line || [[ -n $line ]]; do
        [[ $line =~ ^[A-Z_][A-Z0-9_]*= ]] || continue
        [[ " ${keys[*]} " == *" ${line%%=*} "* ]] || printf '%s\n' "$line"
      done <"$file"
    fi
  } >"$tmp"
  chmod 600 "$tmp"
  mv -f "$tmp" "$file"
}
tofu_version() { awk '$1 == "github.com/opentofu/opentofu" { print $2; exit }' "$TOFU_MOD_DIR/go.mod" 2>/dev/null; }
tofu_bin_path() {
  local v
  v=$(tofu_version)
  [[ -n $v ]] || v=unknown
  printf '%s/tenantctl/tofu-%s/tofu' "${XDG_CACHE_HOME:-$HOME/.cache}" "$v"
}
# Fill in fixed values and generate missing secrets (once; kept across runs).
init_env() {
  ENV[REGISTRY_DB_HOST]=$HOST
  ENV[REGISTRY_DB_PORT]=$PG_PORT
  ENV[REGISTRY_DB_NAME]=$PG_REGISTRY_DB
  ENV[REGISTRY_DB_USER]=$PG_ADMIN
  ENV[TENANT_DB_NAME]=$PG_TENANT_DB
  ENV[REDIS_HOST]=$HOST
  ENV[REDIS_PORT]=$REDIS_PORT
  ENV[S3_ENDPOINT]=http://$HOST:$MOTO_PORT
  ENV[AWS_REGION]=${ENV[AWS_REGION]:-$AWS_REGION_DEFAULT}
  ENV[PROMETHEUS_URL]=http://$HOST:$PROM_PORT
  ENV[PROMETHEUS_FILE_SD_DIR]=$MACHINE_STATE/prometheus/targets
  ENV[TERRAFORM_BIN]=$(tofu_bin_path)
  load_machine_secrets
  load_machine_secrets "$MACHINE_AUDIT_SECRETS"
  [[ -n ${ENV[REGISTRY_DB_PASSWORD]:-} ]] || ENV[REGISTRY_DB_PASSWORD]=$(gen_password)
  [[ -n ${ENV[REDIS_PASSWORD]:-} ]] || ENV[REDIS_PASSWORD]=$(gen_password)
  [[ -n ${ENV[TENANT_SECRETS_KEY]:-} ]] || ENV[TENANT_SECRETS_KEY]=$(gen_key32)
  [[ -n ${ENV[AUDIT_HMAC_KEY]:-} ]] || ENV[AUDIT_HMAC_KEY]=$(gen_key32)
  ENV[S3_ADMIN_ACCESS_KEY_ID]=${ENV[S3_ADMIN_ACCESS_KEY_ID]:-}
  ENV[S3_ADMIN_SECRET_ACCESS_KEY]=${ENV[S3_ADMIN_SECRET_ACCESS_KEY]:-}
  save_machine_secrets
  save_machine_secrets "$MACHINE_AUDIT_SECRETS" "${MACHINE_AUDIT_KEYS[@]}"
}

# ---------------------------------------------------------------------------- apt

APT_UPDATED=0
pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
ensure_pkgs() { # ensure_pkgs LABEL PKG...
  local label=$1 p
  shift
  local missing=()
  for p in "$@"; do pkg_installed "$p" || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  if ((!APT_UPDATED)); then
    log "$label: apt-get update"
    apt-get update -q >>"$STATE/apt.log" 2>&1 || { tail -n 20 "$STATE/apt.log" >&2; die "apt-get update failed (log: $STATE/apt.log)"; }
    APT_UPDATED=1
  fi
  log "$label: apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$STATE/apt.log" 2>&1 ||
    { tail -n 20 "$STATE/apt.log" >&2; die "apt-get install ${missing[*]} failed (log: $STATE/apt.log)"; }
}

manual_instructions() {
  cat >&2 <<EOF
[services] 'up'/'down' install and start services with apt-get and need root on Debian 12
[services] (this machine: $(is_root && echo root || echo "not root"), $(is_debian && echo "Debian $(cat /etc/debian_version)" || echo "not Debian/apt")).
Install and start these yourself, then write $ENV_FILE (KEY=VALUE, mode 600) with the keys below:
  - PostgreSQL 15 on 127.0.0.1:5432, pg_hba 'host all all 127.0.0.1/32 scram-sha-256';
    role $PG_ADMIN LOGIN CREATEROLE PASSWORD '<secret>', GRANT pg_signal_backend TO $PG_ADMIN;
    databases $PG_REGISTRY_DB and $PG_TENANT_DB owned by $PG_ADMIN;
    REVOKE CONNECT ON DATABASE $PG_REGISTRY_DB FROM PUBLIC.
  - Redis 7 on 127.0.0.1:6379 with requirepass <secret>, save '' and appendonly no.
  - moto: pip install '$MOTO_PIP_SPEC'; INITIAL_NO_AUTH_ACTION_COUNT=3 moto_server -H 127.0.0.1 -p 5123;
    then, as the first three AWS calls: iam CreateUser $MOTO_ADMIN_USER, CreateAccessKey, PutUserPolicy Allow * on *.
  - Prometheus 2.x on 127.0.0.1:9091 (--web.enable-lifecycle) with a 'tenants' job using
    file_sd_configs files: ['$STATE/prometheus/targets/*.json'].
  - OpenTofu: Go >= 1.25, then in tools/opentofu: go build -o <dir>/tofu github.com/opentofu/opentofu/cmd/tofu
Keys: ${ENV_KEYS[*]}
EOF
}
require_root_debian() {
  if ! is_root || ! is_debian; then
    manual_instructions
    exit 2
  fi
}

# ---------------------------------------------------------------------------- postgres

PG_CONF_DIR=/etc/postgresql/$PG_VERSION/$PG_CLUSTER
PG_HBA_LINE="host all all 127.0.0.1/32 scram-sha-256"

pg_cluster_status() { pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" -v c="$PG_CLUSTER" '$1 == v && $2 == c { print $4; f = 1 } END { if (!f) print "missing" }'; }
pg_psql() { (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@"); }
pg_admin_login_ok() {
  PGPASSWORD=${ENV[REGISTRY_DB_PASSWORD]} PGCONNECT_TIMEOUT=3 psql -X -w -h "$HOST" -p "$PG_PORT" -U "$PG_ADMIN" \
    -d "$PG_REGISTRY_DB" -Atqc 'select 1' 2>/dev/null | grep -qx 1
}

# Ensure our 127.0.0.1 scram rule is the first TCP ("host*") rule. Sets PG_HBA_CHANGED=1 if edited.
PG_HBA_CHANGED=0
pg_ensure_hba() {
  local hba=$PG_CONF_DIR/pg_hba.conf first
  first=$(awk '!/^[[:space:]]*(#|$)/ && $1 ~ /^host/ { $1 = $1; print; exit }' "$hba")
  [[ $first == "$PG_HBA_LINE" ]] && return 0
  log "postgres: adding '$PG_HBA_LINE' above the other host rules in $hba"
  [[ -f $hba.tenantctl.bak ]] || cp -p "$hba" "$hba.tenantctl.bak"
  awk -v line="$PG_HBA_LINE" '
    !done && !/^[[:space:]]*(#|$)/ && $1 ~ /^host/ {
      print "# added by tenantctl scripts/services.sh: password auth on 127.0.0.1 before broader rules"
      print line; done = 1
    }
    { print }
    END { if (!done) { print "# added by tenantctl scripts/services.sh"; print line } }' "$hba" >"$hba.tenantctl.tmp"
  chown --reference="$hba" "$hba.tenantctl.tmp"
  chmod --reference="$hba" "$hba.tenantctl.tmp"
  mv -f "$hba.tenantctl.tmp" "$hba"
  PG_HBA_CHANGED=1
}

pg_up() {
  ensure_pkgs postgres "postgresql-$PG_VERSION" "postgresql-client-$PG_VERSION"
  local status restart=0 reload=0 cur rc=0
  status=$(pg_cluster_status)
  if [[ $status == missing ]]; then
    log "postgres: creating cluster $PG_VERSION/$PG_CLUSTER"
    pg_createcluster "$PG_VERSION" "$PG_CLUSTER" --port "$PG_PORT" >>"$STATE/postgres-setup.log" 2>&1 ||
      die "pg_createcluster failed (log: $STATE/postgres-setup.log)"
    status=down
  fi
  # listen_addresses/port via a conf.d drop-in (Debian's postgresql.conf includes conf.d last).
  # The port also goes into postgresql.conf so pg_lsclusters/pg_wrapper agree.
  local dropin=$PG_CONF_DIR/conf.d/tenantctl.conf want
  want=$(printf "# managed by tenantctl scripts/services.sh\nlisten_addresses = '%s'\nport = %s\n" "$HOST" "$PG_PORT")
  if [[ ! -f $dropin || $(<"$dropin") != "$want" ]]; then
    mkdir -p "$PG_CONF_DIR/conf.d"
    printf '%s\n' "$want" >"$dropin"
    chown postgres:postgres "$dropin"
    restart=1
  fi
  cur=$(pg_conftool -s "$PG_VERSION" "$PG_CLUSTER" show port 2>/dev/null || true)
  if [[ $cur != "$PG_PORT" ]]; then pg_conftool "$PG_VERSION" "$PG_CLUSTER" set port "$PG_PORT"; restart=1; fi
  pg_ensure_hba
  reload=$PG_HBA_CHANGED

  if [[ $status == online ]]; then
    if ((restart)); then
      log "postgres: restarting to apply listen_addresses/port"
      pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" restart 9>&-
    elif ((reload)); then
      pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" reload
    fi
    log "postgres: already running on $HOST:$PG_PORT"
  else
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start 9>&- || rc=$?
    case $rc in
      0) log "postgres: started on $HOST:$PG_PORT" ;;
      2) log "postgres: already running on $HOST:$PG_PORT" ;;
      *) die "pg_ctlcluster $PG_VERSION $PG_CLUSTER start failed (exit $rc); see /var/log/postgresql/postgresql-$PG_VERSION-$PG_CLUSTER.log" ;;
    esac
  fi
  wait_until 30 postgres pg_isready -q -h "$HOST" -p "$PG_PORT" || die "postgres not ready on $HOST:$PG_PORT after 30s"

  # Role, databases, privileges. SQL goes through stdin (no secrets in argv); idempotent.
  pg_psql -d postgres <<SQL
SELECT format('CREATE ROLE %I LOGIN CREATEROLE PASSWORD %L', '$PG_ADMIN', '${ENV[REGISTRY_DB_PASSWORD]}')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$PG_ADMIN') \gexec
ALTER ROLE $PG_ADMIN LOGIN CREATEROLE;
-- credential rotation ends the sessions opened with a tenant's old password (pg_terminate_backend)
GRANT pg_signal_backend TO $PG_ADMIN;
SELECT 'CREATE DATABASE $PG_REGISTRY_DB OWNER $PG_ADMIN'
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$PG_REGISTRY_DB') \gexec
SELECT 'CREATE DATABASE $PG_TENANT_DB OWNER $PG_ADMIN'
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$PG_TENANT_DB') \gexec
ALTER DATABASE $PG_REGISTRY_DB OWNER TO $PG_ADMIN;
ALTER DATABASE $PG_TENANT_DB OWNER TO $PG_ADMIN;
REVOKE CONNECT ON DATABASE $PG_REGISTRY_DB FROM PUBLIC;
SQL
  if ! pg_admin_login_ok; then
    # The role existed with another password (e.g. the env file was regenerated).
    pg_psql -d postgres <<SQL
ALTER ROLE $PG_ADMIN PASSWORD '${ENV[REGISTRY_DB_PASSWORD]}';
SQL
    pg_admin_login_ok || die "postgres: cannot log in as $PG_ADMIN on $HOST:$PG_PORT with the stored password"
    log "postgres: password of role $PG_ADMIN set from the env file"
  fi
  log "postgres: role $PG_ADMIN, databases $PG_REGISTRY_DB + $PG_TENANT_DB ready"
}

pg_down() {
  command -v pg_ctlcluster >/dev/null 2>&1 || { log "postgres: not installed"; return 0; }
  if [[ $(pg_cluster_status) == online ]]; then
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" stop
    log "postgres: stopped"
  else
    log "postgres: not running"
  fi
}

pg_status() {
  if [[ -n ${ENV[REGISTRY_DB_PASSWORD]:-} ]] && command -v psql >/dev/null 2>&1; then
    pg_admin_login_ok && { echo "up   postgres    $HOST:$PG_PORT (login $PG_ADMIN@$PG_REGISTRY_DB ok)"; return 0; }
  fi
  if command -v pg_isready >/dev/null 2>&1 && pg_isready -q -h "$HOST" -p "$PG_PORT"; then
    echo "down postgres    $HOST:$PG_PORT accepts connections but login as $PG_ADMIN failed"
  else
    echo "down postgres    $HOST:$PG_PORT"
  fi
  return 1
}

# ---------------------------------------------------------------------------- redis

REDIS_DIR=$MACHINE_STATE/redis
redis_cli() { # redis_cli PASSWORD|"" ARGS...
  if [[ -n ${1:-} ]]; then
    REDISCLI_AUTH=$1 redis-cli --no-auth-warning -h "$HOST" -p "$REDIS_PORT" "${@:2}" 2>&1
  else
    env -u REDISCLI_AUTH redis-cli -h "$HOST" -p "$REDIS_PORT" "${@:2}" 2>&1
  fi
}
redis_ours_ok() { [[ $(redis_cli "${ENV[REDIS_PASSWORD]}" ping) == PONG ]]; }

redis_up() {
  ensure_pkgs redis redis-server redis-tools
  mkdir -p "$REDIS_DIR"
  if redis_ours_ok; then log "redis: already running on $HOST:$REDIS_PORT"; return 0; fi

  if port_open "$REDIS_PORT"; then
    # Something else holds the port (e.g. the Debian package's own instance, no password).
    log "redis: port $REDIS_PORT is held by another instance without our password; stopping it"
    redis_cli "" shutdown nosave >/dev/null || true
    if ! wait_until 5 redis-stop bash -c "! (exec 3<>/dev/tcp/$HOST/$REDIS_PORT) 2>/dev/null"; then
      local pid pids
      pids=$(port_pids "$REDIS_PORT")
      [[ -n $pids ]] || pids=$(read_pid /run/redis/redis-server.pid)
      for pid in $pids; do
        if [[ $(proc_cmd "$pid") == *redis-server* ]]; then stop_pid "$pid" redis-server; else
          die "port $REDIS_PORT is used by a non-redis process (pid $pid: $(proc_cmd "$pid")); stop it first"
        fi
      done
      wait_until 10 redis-stop bash -c "! (exec 3<>/dev/tcp/$HOST/$REDIS_PORT) 2>/dev/null" ||
        die "could not free port $REDIS_PORT; stop the redis running there first"
    fi
  fi

  # Same settings as the command-line flags, but in a mode-600 file so the password
  # does not show up in `ps`.
  (
    umask 077
    cat >"$REDIS_DIR/redis.conf" <<EOF
# generated by scripts/services.sh; do not edit
daemonize yes
bind $HOST
port $REDIS_PORT
requirepass ${ENV[REDIS_PASSWORD]}
save ""
appendonly no
dir $REDIS_DIR
pidfile $REDIS_DIR/redis.pid
logfile $REDIS_DIR/redis.log
EOF
  )
  redis-server "$REDIS_DIR/redis.conf" >>"$REDIS_DIR/redis.log" 2>&1 9>&- || die "redis-server failed to start (log: $REDIS_DIR/redis.log)"
  wait_until 20 redis redis_ours_ok || die "redis did not answer PING on $HOST:$REDIS_PORT (log: $REDIS_DIR/redis.log)"
  log "redis: started on $HOST:$REDIS_PORT"
}

redis_down() {
  if [[ -n ${ENV[REDIS_PASSWORD]:-} ]] && command -v redis-cli >/dev/null 2>&1 && redis_ours_ok; then
    redis_cli "${ENV[REDIS_PASSWORD]}" shutdown nosave >/dev/null || true
    wait_until 10 redis-stop bash -c "! (exec 3<>/dev/tcp/$HOST/$REDIS_PORT) 2>/dev/null" || true
    log "redis: stopped"
  else
    local pid
    pid=$(read_pid "$REDIS_DIR/redis.pid")
    if pid_alive "$pid" && [[ $(proc_cmd "$pid") == *redis-server* ]]; then
      stop_pid "$pid" redis
      log "redis: stopped"
    else
      log "redis: not running (ours)"
    fi
  fi
  rm -f "$REDIS_DIR/redis.pid"
}

redis_status() {
  if command -v redis-cli >/dev/null 2>&1 && [[ -n ${ENV[REDIS_PASSWORD]:-} ]] && redis_ours_ok; then
    echo "up   redis       $HOST:$REDIS_PORT (PING with password ok)"
    return 0
  fi
  if port_open "$REDIS_PORT"; then echo "down redis       $HOST:$REDIS_PORT answers, but not with our password"; else
    echo "down redis       $HOST:$REDIS_PORT"; fi
  return 1
}

# ---------------------------------------------------------------------------- moto

MOTO_VENV=$MACHINE_STATE/moto-venv
MOTO_PID_FILE=$MACHINE_STATE/moto.pid
MOTO_LOG=$MACHINE_STATE/moto.log
MOTO_PY=''
MOTO_BIN=''

# Find a python that has moto[server] + boto3, and the moto_server next to it.
moto_find() {
  if command -v moto_server >/dev/null 2>&1 && python3 -c 'import moto.server, boto3' >/dev/null 2>&1; then
    MOTO_PY=python3 MOTO_BIN=moto_server
  elif [[ -x $MOTO_VENV/bin/moto_server ]] && "$MOTO_VENV/bin/python" -c 'import moto.server, boto3' >/dev/null 2>&1; then
    MOTO_PY=$MOTO_VENV/bin/python MOTO_BIN=$MOTO_VENV/bin/moto_server
  else
    return 1
  fi
}

moto_install() {
  moto_find && return 0
  if command -v python3 >/dev/null 2>&1 && python3 -m pip --version >/dev/null 2>&1 &&
    ! compgen -G "$(python3 -c 'import sysconfig; print(sysconfig.get_path("stdlib"))')/EXTERNALLY-MANAGED" >/dev/null; then
    log "moto: pip install '$MOTO_PIP_SPEC'"
    python3 -m pip install -q "$MOTO_PIP_SPEC" >>"$STATE/pip.log" 2>&1 || { tail -n 20 "$STATE/pip.log" >&2; die "pip install moto failed (log: $STATE/pip.log)"; }
    hash -r
  fi
  if ! moto_find; then
    # Debian's system python is "externally managed" (PEP 668): use a venv in the state dir.
    ensure_pkgs moto python3 python3-venv python3-pip
    log "moto: pip install '$MOTO_PIP_SPEC' into $MOTO_VENV"
    [[ -x $MOTO_VENV/bin/python ]] || python3 -m venv "$MOTO_VENV"
    "$MOTO_VENV/bin/python" -m pip install -q "$MOTO_PIP_SPEC" >>"$STATE/pip.log" 2>&1 || { tail -n 20 "$STATE/pip.log" >&2; die "pip install moto failed (log: $STATE/pip.log)"; }
    moto_find || die "moto_server still not found after pip install"
  fi
}

# The dashboard under /moto-api/ is not an AWS API call: it does not use up an
# INITIAL_NO_AUTH_ACTION_COUNT slot.
moto_http_ok() { [[ $(http_code "http://$HOST:$MOTO_PORT/moto-api/" 3) == 200 ]]; }

# Python helper: modes "check" (admin key works?) and "bootstrap" / "rearm".
# Secrets travel via environment and stdout only.
moto_py() {
  MOTO_ENDPOINT="http://$HOST:$MOTO_PORT" MOTO_ADMIN_USER=$MOTO_ADMIN_USER MOTO_REGION=${ENV[AWS_REGION]} \
    MOTO_KEY_ID=${ENV[S3_ADMIN_ACCESS_KEY_ID]:-} MOTO_SECRET=${ENV[S3_ADMIN_SECRET_ACCESS_KEY]:-} \
    "${MOTO_PY:-python3}" - "$1" <<'PY'
import json, os, sys, urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

mode = sys.argv[1]
endpoint = os.environ["MOTO_ENDPOINT"]
user = os.environ["MOTO_ADMIN_USER"]
region = os.environ["MOTO_REGION"]
cfg = Config(retries={"total_max_attempts": 1}, connect_timeout=5, read_timeout=30)


def iam(key_id, secret):
    return boto3.session.Session().client(
        "iam", endpoint_url=endpoint, region_name=region,
        aws_access_key_id=key_id, aws_secret_access_key=secret, config=cfg)


def code(e):
    return e.response.get("Error", {}).get("Code", "")


def rearm(n):
    # text/plain: with urllib's default form content type, moto sees an empty body (HTTP 500).
    req = urllib.request.Request(endpoint + "/moto-api/reset-auth", data=str(n).encode(), method="POST",
                                 headers={"Content-Type": "text/plain"})
    with urllib.request.urlopen(req, timeout=10) as r:
        r.read()


if mode == "check":
    key_id, secret = os.environ.get("MOTO_KEY_ID"), os.environ.get("MOTO_SECRET")
    if not key_id or not secret:
        sys.exit(1)
    try:
        iam(key_id, secret).get_user(UserName=user)
    except Exception:
        sys.exit(1)
    sys.exit(0)

# Bootstrap: exactly three AWS calls while auth is not yet enforced (any credentials
# work for them): CreateUser, CreateAccessKey, PutUserPolicy. In "rearm" mode moto is
# already enforcing, so open a fresh window of 3 first; the user may already exist
# (a failed CreateUser still uses its slot, so the count stays exact).
done = False
try:
    if mode == "rearm":
        rearm(3)
    boot = iam("bootstrap", "bootstrap")
    try:
        boot.create_user(UserName=user)                      # call 1
    except ClientError as e:
        if code(e) != "EntityAlreadyExists":
            raise
    try:
        key = boot.create_access_key(UserName=user)          # call 2
    except ClientError as e:
        if code(e) != "LimitExceeded":
            raise
        # Old keys of a previous bootstrap fill the quota: drop the oldest one.
        rearm(3)
        old = boot.list_access_keys(UserName=user)["AccessKeyMetadata"]
        old.sort(key=lambda k: k["CreateDate"])
        boot.delete_access_key(UserName=user, AccessKeyId=old[0]["AccessKeyId"])
        key = boot.create_access_key(UserName=user)
        rearm(1)
    boot.put_user_policy(                                   # call 3
        UserName=user, PolicyName="tenantctl-admin-all",
        PolicyDocument=json.dumps({"Version": "2012-10-17",
                                   "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))
    done = True
finally:
    if not done:
        try:
            rearm(0)  # never leave an unauthenticated window open
        except Exception:
            pass
k = key["AccessKey"]
print(k["AccessKeyId"])
print(k["SecretAccessKey"])
PY
}

moto_bootstrap() { # moto_bootstrap bootstrap|rearm
  local out
  out=$(moto_py "$1") || die "moto: IAM bootstrap ($1) failed (see output above; moto log: $MOTO_LOG)"
  ENV[S3_ADMIN_ACCESS_KEY_ID]=$(sed -n 1p <<<"$out")
  ENV[S3_ADMIN_SECRET_ACCESS_KEY]=$(sed -n 2p <<<"$out")
  [[ -n ${ENV[S3_ADMIN_ACCESS_KEY_ID]} && -n ${ENV[S3_ADMIN_SECRET_ACCESS_KEY]} ]] || die "moto: bootstrap returned no access key"
  write_env
  moto_py check || die "moto: the new admin key of $MOTO_ADMIN_USER does not work"
  save_machine_secrets # every checkout on this machine uses this key from now on
  log "moto: IAM enforcement on; admin user $MOTO_ADMIN_USER bootstrapped (key stored in env file)"
}

moto_up() {
  moto_install
  if moto_http_ok; then
    if moto_py check; then
      log "moto: already running on $HOST:$MOTO_PORT, admin key valid"
      return 0
    fi
    log "moto: running on $HOST:$MOTO_PORT but the stored admin key does not work; re-arming auth"
    moto_bootstrap rearm
    return 0
  fi
  if port_open "$MOTO_PORT"; then
    die "port $MOTO_PORT is in use by something that is not moto (pids: $(port_pids "$MOTO_PORT" | tr '\n' ' '))"
  fi
  : >>"$MOTO_LOG"
  INITIAL_NO_AUTH_ACTION_COUNT=3 nohup setsid "$MOTO_BIN" -H "$HOST" -p "$MOTO_PORT" >>"$MOTO_LOG" 2>&1 </dev/null 9>&- &
  local pid=$! lp
  echo "$pid" >"$MOTO_PID_FILE"
  wait_until 60 moto moto_http_ok || die "moto did not answer on http://$HOST:$MOTO_PORT after 60s (log: $MOTO_LOG)"
  lp=$(port_pids "$MOTO_PORT" | head -n1)
  [[ -n $lp ]] && echo "$lp" >"$MOTO_PID_FILE"
  log "moto: started on $HOST:$MOTO_PORT"
  moto_bootstrap bootstrap
}

moto_down() {
  local pid pids=''
  pid=$(read_pid "$MOTO_PID_FILE")
  pid_alive "$pid" && pids=$pid
  [[ -n $pids ]] || pids=$(port_pids "$MOTO_PORT")
  local stopped=0
  for pid in $pids; do
    if [[ $(proc_cmd "$pid") == *moto* ]]; then stop_pid "$pid" moto; stopped=1; fi
  done
  rm -f "$MOTO_PID_FILE"
  if ((stopped)); then log "moto: stopped (its in-memory state is gone; 'up' bootstraps a new admin key)"; else log "moto: not running"; fi
}

moto_status() {
  if moto_http_ok; then
    if [[ -n ${ENV[S3_ADMIN_ACCESS_KEY_ID]:-} ]] && moto_find && moto_py check; then
      echo "up   moto        http://$HOST:$MOTO_PORT (admin key valid)"
      return 0
    fi
    echo "down moto        http://$HOST:$MOTO_PORT answers, but the stored admin key does not work (run up)"
    return 1
  fi
  echo "down moto        http://$HOST:$MOTO_PORT"
  return 1
}

# ---------------------------------------------------------------------------- prometheus

PROM_DIR=$MACHINE_STATE/prometheus
PROM_PID_FILE=$PROM_DIR/prometheus.pid
prom_ready() { [[ $(http_code "http://$HOST:$PROM_PORT/-/ready" 3) == 200 ]]; }

# A Prometheus busy on a loaded machine (tests' targets, 2 cores) can take 10-20 s to answer: ask it up to
# four times, 15 s each, before calling the port's holder stuck.
prom_ready_patient() {
  local i
  for ((i = 0; i < 4; i++)); do
    [[ $(http_code "http://$HOST:$PROM_PORT/-/ready" 15) == 200 ]] && return 0
  done
  return 1
}

# A Prometheus started with another config file (an older layout kept it in a checkout) would keep
# scraping that checkout's targets folder: restart it on the machine's config.
prom_runs_other_config() { # prom_runs_other_config CONF
  local pid cmd
  for pid in $(port_pids "$PROM_PORT"); do
    cmd=$(proc_cmd "$pid")
    if [[ $cmd == *prometheus* && $cmd != *"--config.file=$1"* ]]; then
      log "prometheus: running with another config ($cmd); restarting it on $1"
      stop_pid "$pid" prometheus
      wait_until 20 prometheus-stop bash -c "! (exec 3<>/dev/tcp/$HOST/$PROM_PORT) 2>/dev/null" || true
      return 0
    fi
  done
  return 1
}

prom_up() {
  ensure_pkgs prometheus prometheus
  mkdir -p "$PROM_DIR/targets" "$PROM_DIR/data"
  # targets an older layout wrote into this checkout: the live tenants' must keep being scraped
  if compgen -G "$STATE/prometheus/targets/*.json" >/dev/null; then
    cp -n "$STATE"/prometheus/targets/*.json "$PROM_DIR/targets/" 2>/dev/null || true
  fi
  local conf=$PROM_DIR/prometheus.yml tmp
  tmp=$(mktemp "$PROM_DIR/.prometheus.yml.XXXXXX")
  cat >"$tmp" <<EOF
# generated by scripts/services.sh; do not edit (add targets as JSON files in targets/)
global:
  scrape_interval: 5s
  evaluation_interval: 5s
scrape_configs:
  - job_name: tenants
    file_sd_configs:
      - files: ['$PROM_DIR/targets/*.json']
        refresh_interval: 5s
    # Here every tenant's target is Prometheus itself (METRICS_TARGET): keeping its ~1,000 own series once
    # per tenant made Prometheus the slowest service after a few hundred test tenants. The checks read only
    # the targets' health (up, scrape_*), which Prometheus records whatever is dropped here.
    metric_relabel_configs:
      - source_labels: [__name__]
        regex: '.+'
        action: drop
EOF
  local changed=0
  if ! cmp -s "$tmp" "$conf"; then mv -f "$tmp" "$conf"; changed=1; else rm -f "$tmp"; fi
  chmod 644 "$conf"
  if command -v promtool >/dev/null 2>&1; then
    promtool check config "$conf" >/dev/null 2>&1 || die "promtool check config $conf failed"
  fi
  if { prom_ready || { port_open "$PROM_PORT" && prom_ready_patient; }; } && ! prom_runs_other_config "$conf"; then
    if ((changed)); then curl -s -o /dev/null -X POST "http://$HOST:$PROM_PORT/-/reload" || true; fi
    log "prometheus: already running on $HOST:$PROM_PORT"
    return 0
  fi
  port_open "$PROM_PORT" && die "port $PROM_PORT is in use but /-/ready does not answer (pids: $(port_pids "$PROM_PORT" | tr '\n' ' '))"
  nohup setsid prometheus --config.file="$conf" --storage.tsdb.path="$PROM_DIR/data" \
    --web.listen-address="$HOST:$PROM_PORT" --web.enable-lifecycle >>"$PROM_DIR/prometheus.log" 2>&1 </dev/null 9>&- &
  echo $! >"$PROM_PID_FILE"
  wait_until 60 prometheus prom_ready || die "prometheus not ready on $HOST:$PROM_PORT after 60s (log: $PROM_DIR/prometheus.log)"
  log "prometheus: started on $HOST:$PROM_PORT (file_sd: $PROM_DIR/targets/*.json)"
}

prom_down() {
  local pid pids='' stopped=0
  pid=$(read_pid "$PROM_PID_FILE")
  pid_alive "$pid" && pids=$pid
  [[ -n $pids ]] || pids=$(port_pids "$PROM_PORT")
  for pid in $pids; do
    if [[ $(proc_cmd "$pid") == *prometheus* ]]; then stop_pid "$pid" prometheus; stopped=1; fi
  done
  rm -f "$PROM_PID_FILE"
  if ((stopped)); then log "prometheus: stopped"; else log "prometheus: not running (ours)"; fi
}

prom_status() {
  if prom_ready; then echo "up   prometheus  http://$HOST:$PROM_PORT"; return 0; fi
  echo "down prometheus  http://$HOST:$PROM_PORT"
  return 1
}

# ---------------------------------------------------------------------------- opentofu

tofu_ok() { [[ -x $1 ]] && "$1" version >/dev/null 2>&1; }

find_go() {
  local g
  for g in "$(command -v go 2>/dev/null || true)" /usr/local/go/bin/go; do
    [[ -n $g && -x $g ]] && { printf '%s' "$g"; return 0; }
  done
  return 1
}
version_ge() { [[ $(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1) == "$2" ]]; }

tofu_up() {
  local version bin go need have
  version=$(tofu_version)
  [[ -n $version ]] || die "no github.com/opentofu/opentofu requirement in $TOFU_MOD_DIR/go.mod"
  bin=$(tofu_bin_path)
  ENV[TERRAFORM_BIN]=$bin
  if tofu_ok "$bin"; then log "tofu: $version cached at $bin"; return 0; fi

  need=$(awk '$1 == "go" { print $2; exit }' "$TOFU_MOD_DIR/go.mod")
  go=$(find_go) || die "tofu: Go >= $need is needed to build OpenTofu $version (not found on PATH or /usr/local/go/bin); install it or set SKIP_TOFU=1"
  have=$(GOTOOLCHAIN=local "$go" env GOVERSION)
  have=${have#go}
  version_ge "$have" "$need" || die "tofu: Go >= $need is needed to build OpenTofu $version, found $have ($go); set SKIP_TOFU=1 to skip"

  log "tofu: building OpenTofu $version with go $have (first time takes several minutes)"
  mkdir -p "$(dirname "$bin")"
  local blog=$STATE/tofu-build.log tmp=$bin.tmp.$$ bpid t0=$SECONDS next=30
  : >"$blog"
  (
    cd "$TOFU_MOD_DIR"
    export GOTOOLCHAIN=local CGO_ENABLED=0
    "$go" mod download >>"$blog" 2>&1
    "$go" build -trimpath -ldflags "-s -w -X github.com/opentofu/opentofu/version.dev=no" \
      -o "$tmp" github.com/opentofu/opentofu/cmd/tofu >>"$blog" 2>&1
  ) 9>&- &
  bpid=$!
  while pid_alive "$bpid"; do
    sleep 1
    if ((SECONDS - t0 >= next)); then log "tofu: still building ($((SECONDS - t0))s so far)"; next=$((next + 30)); fi
  done
  if ! wait "$bpid"; then
    rm -f "$tmp"
    tail -n 30 "$blog" >&2
    die "tofu: build failed (log: $blog)"
  fi
  mv -f "$tmp" "$bin"
  tofu_ok "$bin" || die "tofu: built binary $bin does not run"
  log "tofu: built $("$bin" version 2>/dev/null | head -n1) in $((SECONDS - t0))s -> $bin"
}

tofu_status() {
  local bin=${ENV[TERRAFORM_BIN]:-}
  [[ -n $bin ]] || bin=$(tofu_bin_path)
  if tofu_ok "$bin"; then echo "up   tofu        $bin ($("$bin" version 2>/dev/null | head -n1))"; return 0; fi
  echo "down tofu        $bin missing (run up)"
  return 1
}

# ---------------------------------------------------------------------------- commands

cmd_up() {
  require_root_debian
  mkdir -p "$STATE" "$MACHINE_STATE"
  chmod 700 "$STATE" "$MACHINE_STATE"
  # one lock per machine: two checkouts bringing the same services up must take turns
  exec 9>"$MACHINE_STATE/.lock"
  flock -w 900 9 || die "another 'services.sh up/down' holds $MACHINE_STATE/.lock"
  load_env
  init_env
  write_env # secrets exist on disk before any service uses them
  # Tools the checks below rely on (missing on minimal Debian images).
  local base=() c
  for c in curl:curl ss:iproute2 ps:procps; do command -v "${c%%:*}" >/dev/null 2>&1 || base+=("${c#*:}"); done
  ((${#base[@]} == 0)) || ensure_pkgs base "${base[@]}"

  wants postgres && pg_up
  wants redis && redis_up
  wants moto && moto_up
  wants prometheus && prom_up
  wants tofu && tofu_up
  write_env

  log "up: done"
  {
    row() { printf '  %-14s %s\n' "$1" "$2"; }
    row service where
    wants postgres && row postgres "$HOST:$PG_PORT  (user $PG_ADMIN; dbs $PG_REGISTRY_DB, $PG_TENANT_DB)"
    wants redis && row redis "$HOST:$REDIS_PORT  (requirepass)"
    wants moto && row "moto (S3/IAM)" "http://$HOST:$MOTO_PORT  (IAM enforced; admin user $MOTO_ADMIN_USER)"
    wants prometheus && row prometheus "http://$HOST:$PROM_PORT  (file_sd: $PROM_DIR/targets/*.json)"
    wants tofu && row tofu "${ENV[TERRAFORM_BIN]}"
    row "env file" "$ENV_FILE  (secrets inside, mode 600)"
  }
  return 0
}

cmd_down() {
  require_root_debian
  mkdir -p "$STATE" "$MACHINE_STATE"
  exec 9>"$MACHINE_STATE/.lock"
  flock -w 900 9 || die "another 'services.sh up/down' holds $MACHINE_STATE/.lock"
  load_env
  wants redis && redis_down
  wants moto && moto_down
  wants prometheus && prom_down
  wants postgres && pg_down
  log "down: done (env file kept: $ENV_FILE)"
}

env_unreadable() { [[ -d $STATE ]] && ! [[ -r $ENV_FILE ]] && ! is_root; }

cmd_status() {
  if env_unreadable; then
    warn "cannot read $ENV_FILE (root-only, mode 600): password checks will fail; run status as root"
  else
    load_env
  fi
  init_env_readonly
  local rc=0
  wants postgres && { pg_status || rc=1; }
  wants redis && { redis_status || rc=1; }
  wants moto && { moto_status || rc=1; }
  wants prometheus && { prom_status || rc=1; }
  wants tofu && { tofu_status || rc=1; }
  if ! env_unreadable && ! [[ -f $ENV_FILE ]]; then echo "env file $ENV_FILE missing (run up)"; rc=1; fi
  return $rc
}
init_env_readonly() { ENV[AWS_REGION]=${ENV[AWS_REGION]:-$AWS_REGION_DEFAULT}; }

cmd_env() {
  echo "$ENV_FILE"
  if env_unreadable; then warn "$ENV_FILE is readable by root only"; return 1; fi
  [[ -f $ENV_FILE ]] || { warn "$ENV_FILE does not exist yet (run: $0 up)"; return 1; }
}

usage() {
  sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

main() {
  parse_services
  case ${1:-} in
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    env) cmd_env ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 64 ;;
  esac
}

main "$@"
