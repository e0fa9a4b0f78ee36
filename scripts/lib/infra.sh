# shellcheck shell=bash
# scripts/lib/infra.sh - provisioning helpers for private, loopback-only
# PostgreSQL, RabbitMQ and Redis instances (no systemd, no Docker).
#
# Source this file from bash; it defines functions only and changes no shell
# options. Public functions:
#
#   infra_install_packages
#   infra_start_postgres  DIR PORT DB USER PASSWORD [FSYNC(on|off)]
#   infra_stop_postgres   DIR
#   infra_start_rabbitmq  DIR AMQP_PORT DIST_PORT EPMD_PORT NODENAME [MGMT_PORT] [USER PASSWORD]
#   infra_stop_rabbitmq   DIR NODENAME EPMD_PORT
#   infra_rabbitmqctl     DIR NODENAME EPMD_PORT ARGS...
#   infra_psql            DIR PORT ARGS...        (superuser, over the socket)
#   infra_start_redis     DIR PORT PASSWORD
#   infra_stop_redis      DIR
#
# Layout:
#   PostgreSQL DIR:  data/ (PGDATA), socket/ (unix socket), postgres.log
#   RabbitMQ   DIR:  .erlang.cookie (HOME of server and CLI), rabbitmq.conf,
#                    enabled_plugins, mnesia/, log/, rabbit.pid (beam),
#                    server.pid (wrapper script), epmd.pid
#   Redis      DIR:  redis.conf (mode 600: port, password, no persistence), redis.pid, redis.log
#
# Processes are started as background children of the calling shell in their
# own session (setsid), so Ctrl-C on the terminal does not hit them and the
# caller decides when to stop them. All functions are idempotent, quiet on
# success, and return non-zero with a message on stderr on failure.
#
# Tunables (environment):
#   INFRA_START_TIMEOUT   seconds to wait for a server to come up (default 60)
#   INFRA_PG_BIN          PostgreSQL bin dir (default: newest /usr/lib/postgresql/*/bin)
#   INFRA_PG_MAX_CONNECTIONS  (default 300)
#   INFRA_RABBITMQ_BIN    RabbitMQ bin dir (default /usr/lib/rabbitmq/bin)

_infra_err() { printf 'infra: error: %s\n' "$*" >&2; }
_infra_warn() { printf 'infra: warning: %s\n' "$*" >&2; }

# _infra_log_tail FILE... : print the tail of each existing file to stderr.
_infra_log_tail() {
    local f
    for f in "$@"; do
        [[ -s "$f" ]] || continue
        printf -- '----- last lines of %s -----\n' "$f" >&2
        tail -n 40 -- "$f" >&2
        printf -- '-----\n' >&2
    done
}

# _infra_pid_alive PID : true when PID is a live (non-zombie) process.
_infra_pid_alive() {
    local pid=${1:-} state
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    state=$(ps -o stat= -p "$pid" 2>/dev/null) || return 1
    [[ -n "$state" && "$state" != Z* ]]
}

# _infra_cmdline_has PID TEXT : true when PID is alive and its command line
# (arguments joined by spaces, plus a trailing space) contains TEXT.
_infra_cmdline_has() {
    _infra_pid_alive "$1" || return 1
    tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -qF -- "$2"
}

# _infra_read_pid FILE : print the first line of FILE if it is a pid.
_infra_read_pid() {
    local pid=""
    if [[ -r "$1" ]]; then
        IFS= read -r pid <"$1" || true
    fi
    [[ "$pid" =~ ^[0-9]+$ ]] && printf '%s\n' "$pid"
    return 0
}

# _infra_port_in_use PORT : true when something accepts TCP on 127.0.0.1:PORT.
_infra_port_in_use() {
    # shellcheck disable=SC2016 # $1 is expanded by the inner bash
    timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# _infra_kill_wait SECONDS PID... : SIGTERM, wait, then SIGKILL; reap children.
_infra_kill_wait() {
    local secs=$1 pid alive i
    shift
    for pid in "$@"; do
        _infra_pid_alive "$pid" && kill -TERM "$pid" 2>/dev/null
    done
    for ((i = 0; i < secs * 10; i++)); do
        alive=0
        for pid in "$@"; do
            _infra_pid_alive "$pid" && alive=1
        done
        ((alive)) || break
        sleep 0.1
    done
    for pid in "$@"; do
        _infra_pid_alive "$pid" && kill -KILL "$pid" 2>/dev/null
    done
    _infra_reap "$@"
}

# _infra_reap PID... : reap PIDs that are children of this shell (no-op else).
_infra_reap() {
    local pid
    for pid in "$@"; do
        [[ "$pid" =~ ^[0-9]+$ ]] || continue
        wait "$pid" 2>/dev/null || true
    done
}

# ---------------------------------------------------------------------------
# Packages
# ---------------------------------------------------------------------------

_infra_pkg_installed() {
    dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# The .NET 10 SDK is not in Debian's archive; say so plainly instead of failing later.
infra_require_dotnet() {
    if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
        _infra_err "the .NET 10 SDK is required (dotnet on PATH with a 10.x SDK); see README.md"
        return 1
    fi
}

infra_install_packages() {
    local missing=() policy_created=0 rc=0
    _infra_pkg_installed rabbitmq-server || missing+=(rabbitmq-server)
    { _infra_pkg_installed postgresql || compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null; } ||
        missing+=(postgresql)
    command -v wrk >/dev/null 2>&1 || missing+=(wrk)
    command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
    # The Gateway's build vendors chart.js for the dashboard with npm ci.
    command -v npm >/dev/null 2>&1 || missing+=(npm)
    ((${#missing[@]})) || return 0

    if ((EUID != 0)); then
        _infra_err "missing packages: ${missing[*]} (run as root, or install them: apt-get install -y ${missing[*]})"
        return 1
    fi
    printf 'infra: installing %s\n' "${missing[*]}" >&2
    # Make sure the package maintainer scripts do not start system-wide
    # services: a policy-rc.d that says "no" (only if none exists already).
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && policy_created=1
    fi
    if ! apt-get update -qq >/dev/null; then
        _infra_err "apt-get update failed"
        rc=1
    elif ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null; then
        _infra_err "apt-get install ${missing[*]} failed"
        rc=1
    fi
    ((policy_created)) && rm -f /usr/sbin/policy-rc.d
    return "$rc"
}

# ---------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------

_infra_pg_bindir() {
    local d
    if [[ -n "${INFRA_PG_BIN:-}" ]]; then
        d=$INFRA_PG_BIN
    else
        d=$(compgen -G '/usr/lib/postgresql/*/bin' | sort -V | tail -n 1)
    fi
    if [[ -z "$d" || ! -x "$d/postgres" ]]; then
        _infra_err "PostgreSQL server binaries not found (looked in ${d:-/usr/lib/postgresql/*/bin}); install 'postgresql'"
        return 1
    fi
    printf '%s\n' "$d"
}

# Run a command as the PostgreSQL OS user (postgres refuses to run as root).
_infra_as_pg() {
    if ((EUID == 0)); then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

# infra_psql DIR PORT ARGS... : psql as the cluster superuser over the socket.
infra_psql() {
    local dir=$1 port=$2 bin
    shift 2
    bin=$(_infra_pg_bindir) || return 1
    _infra_as_pg "$bin/psql" -X -h "$dir/socket" -p "$port" "$@"
}

_infra_pg_running() {
    local dir=$1 bin=$2
    [[ -f "$dir/data/postmaster.pid" ]] || return 1
    _infra_as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

# A checkout under a private directory (mktemp -d makes them 0700) cannot be reached by the 'postgres'
# user. Grant search (x) only, never read, on the ancestors that lack it, and say so.
_infra_make_searchable() {
    local path=$1
    while [[ "$path" != / && -n "$path" ]]; do
        path=$(dirname -- "$path")
        if ! runuser -u postgres -- test -x "$path" 2>/dev/null; then
            chmod o+x -- "$path" && printf 'infra: granted search permission on %s for the postgres user\n' "$path" >&2
        fi
    done
}

infra_start_postgres() {
    if (($# < 5)); then
        _infra_err "usage: infra_start_postgres DIR PORT DB USER PASSWORD [FSYNC]"
        return 2
    fi
    local dir=$1 port=$2 db=$3 user=$4 password=$5 fsync=${6:-on}
    local bin data sock log pid i timeout=${INFRA_START_TIMEOUT:-60}
    bin=$(_infra_pg_bindir) || return 1
    mkdir -p -- "$dir" || return 1
    dir=$(cd -- "$dir" && pwd) || return 1
    data=$dir/data sock=$dir/socket log=$dir/postgres.log

    mkdir -p -- "$sock" || return 1
    if ((EUID == 0)); then
        chown postgres:postgres -- "$dir" "$sock" || return 1
        _infra_make_searchable "$dir"
        if ! runuser -u postgres -- test -w "$dir"; then
            _infra_err "the 'postgres' user cannot write to $dir (a parent directory is not searchable by it?)"
            return 1
        fi
    fi
    chmod 700 -- "$dir" "$sock"

    if [[ ! -s "$data/PG_VERSION" ]]; then
        rm -rf -- "$data"
        if ! _infra_as_pg "$bin/initdb" -D "$data" -E UTF8 --locale=C.UTF-8 \
            --auth-local=peer --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1; then
            _infra_err "initdb failed for $data"
            _infra_log_tail "$dir/initdb.log"
            return 1
        fi
    fi

    if ! _infra_pg_running "$dir" "$bin"; then
        if _infra_port_in_use "$port"; then
            _infra_err "port 127.0.0.1:$port is already in use by another process; cannot start PostgreSQL in $dir"
            return 1
        fi
        local -a run_as=()
        ((EUID == 0)) && run_as=(setpriv --reuid=postgres --regid=postgres --init-groups --reset-env)
        local -a extra=()
        if [[ "$fsync" == off ]]; then
            extra=(-c fsync=off -c full_page_writes=off -c synchronous_commit=off)
        fi
        # The postmaster is a direct child of this shell (no pg_ctl double
        # fork), so the caller can reap it; its own session keeps terminal
        # signals away from it.
        setsid -w "${run_as[@]}" "$bin/postgres" -D "$data" \
            -c listen_addresses=127.0.0.1 -c port="$port" \
            -c unix_socket_directories="$sock" \
            -c max_connections="${INFRA_PG_MAX_CONNECTIONS:-300}" \
            "${extra[@]}" >>"$log" 2>&1 </dev/null &
        pid=$!
        for ((i = 0; i < timeout * 5; i++)); do
            if ! _infra_pid_alive "$pid"; then
                _infra_reap "$pid"
                _infra_err "PostgreSQL in $dir exited during start-up"
                _infra_log_tail "$log"
                return 1
            fi
            "$bin/pg_isready" -q -h "$sock" -p "$port" -t 1 && break
            sleep 0.2
        done
        if ! "$bin/pg_isready" -q -h "$sock" -p "$port" -t 1; then
            infra_stop_postgres "$dir"
            _infra_err "PostgreSQL in $dir did not accept connections within ${timeout}s"
            _infra_log_tail "$log"
            return 1
        fi
    fi

    # Role and database (idempotent; the password is always re-applied).
    if ! infra_psql "$dir" "$port" -q -v ON_ERROR_STOP=1 -d postgres \
        -v user="$user" -v pw="$password" -v db="$db" >"$dir/bootstrap.log" 2>&1 <<'SQL'; then
SELECT format('CREATE ROLE %I LOGIN CREATEDB', :'user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'user', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
        _infra_err "could not create role '$user' / database '$db' in PostgreSQL at $dir"
        _infra_log_tail "$dir/bootstrap.log"
        return 1
    fi
    return 0
}

infra_stop_postgres() {
    if (($# < 1)); then
        _infra_err "usage: infra_stop_postgres DIR"
        return 2
    fi
    local dir=$1 bin pid
    [[ -d "$dir/data" ]] || return 0
    bin=$(_infra_pg_bindir) || return 1
    pid=$(_infra_read_pid "$dir/data/postmaster.pid")
    [[ -n "$pid" ]] || return 0
    if _infra_pg_running "$dir" "$bin"; then
        if ! _infra_as_pg "$bin/pg_ctl" -D "$dir/data" stop -m fast -w -t 30 >/dev/null 2>&1; then
            _infra_warn "PostgreSQL in $dir did not stop in 30s; stopping it immediately"
            _infra_as_pg "$bin/pg_ctl" -D "$dir/data" stop -m immediate -w -t 10 >/dev/null 2>&1 || true
        fi
    fi
    # Only kill it if it really is that cluster's postmaster.
    if _infra_cmdline_has "$pid" "-D $dir/data "; then
        _infra_kill_wait 5 "$pid"
    fi
    _infra_reap "$pid"
    return 0
}

# ---------------------------------------------------------------------------
# RabbitMQ
# ---------------------------------------------------------------------------
# We deliberately bypass the Debian /usr/sbin wrappers: as root they `su` to
# the `rabbitmq` user, cd to /var/lib/rabbitmq and use its Erlang cookie. The
# real scripts in /usr/lib/rabbitmq/bin run as the calling user with all state
# (cookie included, via HOME) under DIR, so the server and rabbitmqctl always
# agree on the cookie. A private epmd on EPMD_PORT (loopback only) is started
# by us; Erlang is told never to start its own (-start_epmd false), so no CLI
# call can leave a stray epmd behind.

_infra_rabbit_bindir() {
    local d=${INFRA_RABBITMQ_BIN:-/usr/lib/rabbitmq/bin}
    if [[ ! -x "$d/rabbitmq-server" || ! -x "$d/rabbitmqctl" ]]; then
        _infra_err "RabbitMQ scripts not found in $d; install 'rabbitmq-server'"
        return 1
    fi
    printf '%s\n' "$d"
}

# _infra_rabbit_env DIR NODENAME EPMD_PORT : set the array _INFRA_RMQ_ENV to
# the NAME=VALUE pairs (for env(1)) shared by the server and the CLI tools.
_infra_rabbit_env() {
    local dir=$1 node=$2 epmd=$3
    _INFRA_RMQ_ENV=(
        HOME="$dir"
        RABBITMQ_NODENAME="$node"
        RABBITMQ_CONF_ENV_FILE="$dir/rabbitmq-env.conf"
        RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
        RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
        RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
        RABBITMQ_MNESIA_BASE="$dir/mnesia"
        RABBITMQ_LOG_BASE="$dir/log"
        RABBITMQ_PID_FILE="$dir/rabbit.pid"
        ERL_CRASH_DUMP="$dir/log/erl_crash.dump"
        ERL_EPMD_PORT="$epmd"
        ERL_EPMD_ADDRESS=127.0.0.1
        ERL_FLAGS="-start_epmd false -kernel inet_dist_use_interface {127,0,0,1}"
    )
}

# infra_rabbitmqctl DIR NODENAME EPMD_PORT ARGS... : rabbitmqctl for that node.
infra_rabbitmqctl() {
    local dir=$1 node=$2 epmd=$3 bin
    shift 3
    bin=$(_infra_rabbit_bindir) || return 1
    local -a _INFRA_RMQ_ENV
    _infra_rabbit_env "$dir" "$node" "$epmd"
    (cd -- "$dir" && exec env "${_INFRA_RMQ_ENV[@]}" "$bin/rabbitmqctl" -n "$node" "$@")
}

_infra_epmd_up() {
    epmd -port "$1" -names >/dev/null 2>&1
}

# _infra_node_registered EPMD_PORT NODENAME
_infra_node_registered() {
    epmd -port "$1" -names 2>/dev/null | grep -q "^name ${2%@*} at port "
}

# _infra_rabbit_user DIR NODENAME EPMD_PORT USER PASSWORD : USER with PASSWORD, all permissions on
# vhost /, the administrator tag (management UI); the default guest/guest user deleted. Idempotent; when
# all of that already holds it costs two rabbitmqctl calls (each starts an Erlang VM, ~1 s).
_infra_rabbit_user() {
    local dir=$1 node=$2 epmd=$3 user=$4 password=$5 users
    users=$(infra_rabbitmqctl "$dir" "$node" "$epmd" -q list_users 2>&1) || {
        _infra_err "rabbitmqctl list_users failed: $users"
        return 1
    }
    if awk -v u="$user" '$1 == u && /administrator/ { found = 1 } $1 == "guest" { guest = 1 } END { exit !(found && !guest) }' <<<"$users" &&
        infra_rabbitmqctl "$dir" "$node" "$epmd" -q authenticate_user "$user" "$password" >/dev/null 2>&1; then
        return 0
    fi
    if awk -v u="$user" '$1 == u { found = 1 } END { exit !found }' <<<"$users"; then
        infra_rabbitmqctl "$dir" "$node" "$epmd" -q change_password "$user" "$password" >/dev/null || return 1
    else
        infra_rabbitmqctl "$dir" "$node" "$epmd" -q add_user "$user" "$password" >/dev/null || return 1
    fi
    infra_rabbitmqctl "$dir" "$node" "$epmd" -q set_permissions -p / "$user" '.*' '.*' '.*' >/dev/null &&
        infra_rabbitmqctl "$dir" "$node" "$epmd" -q set_user_tags "$user" administrator >/dev/null || return 1
    if awk '$1 == "guest" { found = 1 } END { exit !found }' <<<"$users"; then
        infra_rabbitmqctl "$dir" "$node" "$epmd" -q delete_user guest >/dev/null || return 1
    fi
}

infra_start_rabbitmq() {
    if (($# < 5)); then
        _infra_err "usage: infra_start_rabbitmq DIR AMQP_PORT DIST_PORT EPMD_PORT NODENAME [MGMT_PORT] [USER PASSWORD]"
        return 2
    fi
    local dir=$1 amqp=$2 dist=$3 epmd=$4 node=$5 mgmt=${6:-} user=${7:-} password=${8:-}
    if [[ -n "$user" && -z "$password" ]]; then
        _infra_err "infra_start_rabbitmq: a password is required for user $user"
        return 2
    fi
    local bin spid epid i timeout=${INFRA_START_TIMEOUT:-60} deadline p
    bin=$(_infra_rabbit_bindir) || return 1
    command -v epmd >/dev/null 2>&1 || { _infra_err "epmd not found (erlang-base)"; return 1; }
    mkdir -p -- "$dir/log" "$dir/mnesia" || return 1
    dir=$(cd -- "$dir" && pwd) || return 1

    # Already running? Then only make sure it is (still) fully booted.
    spid=$(_infra_read_pid "$dir/server.pid")
    if _infra_cmdline_has "$spid" rabbitmq-server; then
        if infra_rabbitmqctl "$dir" "$node" "$epmd" -q await_startup --timeout "$timeout" >/dev/null 2>&1; then
            [[ -z "$user" ]] || _infra_rabbit_user "$dir" "$node" "$epmd" "$user" "$password" || {
                _infra_err "could not set up RabbitMQ user $user on node $node"
                return 1
            }
            return 0
        fi
        _infra_err "RabbitMQ node $node (pid $spid) is running but not healthy"
        _infra_log_tail "$dir/log/$node.log" "$dir/log/startup.log"
        return 1
    fi

    # Configuration (rewritten on every start so that port changes apply).
    if [[ ! -s "$dir/.erlang.cookie" ]]; then
        (umask 077 && od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$dir/.erlang.cookie") || return 1
    fi
    chmod 400 -- "$dir/.erlang.cookie"
    : >"$dir/rabbitmq-env.conf"
    {
        printf 'listeners.tcp.default = 127.0.0.1:%s\n' "$amqp"
        printf 'log.file.level = info\n'
        printf 'log.console = false\n'
        if [[ -n "$mgmt" ]]; then
            printf 'management.tcp.port = %s\n' "$mgmt"
            printf 'management.tcp.ip = 127.0.0.1\n'
        fi
    } >"$dir/rabbitmq.conf"
    if [[ -n "$mgmt" ]]; then
        printf '[rabbitmq_management].\n' >"$dir/enabled_plugins"
    else
        printf '[].\n' >"$dir/enabled_plugins"
    fi

    for p in "$amqp" "$dist" ${mgmt:+"$mgmt"}; do
        if _infra_port_in_use "$p"; then
            _infra_err "port 127.0.0.1:$p is already in use by another process; cannot start RabbitMQ node $node"
            return 1
        fi
    done

    # Private epmd (reused if one from an earlier run still answers).
    if ! _infra_epmd_up "$epmd"; then
        setsid -w epmd -port "$epmd" -address 127.0.0.1 -relaxed_command_check \
            >>"$dir/log/epmd.log" 2>&1 </dev/null &
        epid=$!
        printf '%s\n' "$epid" >"$dir/epmd.pid"
        for ((i = 0; i < 50; i++)); do
            _infra_epmd_up "$epmd" && break
            _infra_pid_alive "$epid" || break
            sleep 0.1
        done
        if ! _infra_epmd_up "$epmd"; then
            _infra_err "could not start epmd on 127.0.0.1:$epmd"
            _infra_log_tail "$dir/log/epmd.log"
            _infra_kill_wait 2 "$epid"
            return 1
        fi
    fi
    if _infra_node_registered "$epmd" "$node"; then
        _infra_err "a node named $node is already registered with epmd on port $epmd (not started from $dir)"
        return 1
    fi

    rm -f -- "$dir/rabbit.pid"
    local -a _INFRA_RMQ_ENV
    _infra_rabbit_env "$dir" "$node" "$epmd"
    (
        cd -- "$dir" || exit 1
        exec setsid -w env "${_INFRA_RMQ_ENV[@]}" \
            RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 \
            RABBITMQ_NODE_PORT="$amqp" \
            RABBITMQ_DIST_PORT="$dist" \
            "$bin/rabbitmq-server"
    ) >>"$dir/log/startup.log" 2>&1 </dev/null &
    spid=$!
    printf '%s\n' "$spid" >"$dir/server.pid"

    deadline=$((SECONDS + timeout))
    while ((SECONDS < deadline)); do
        if ! _infra_pid_alive "$spid"; then
            _infra_reap "$spid"
            infra_stop_rabbitmq "$dir" "$node" "$epmd"
            _infra_err "RabbitMQ node $node exited during start-up"
            _infra_log_tail "$dir/log/$node.log" "$dir/log/startup.log"
            return 1
        fi
        if _infra_node_registered "$epmd" "$node"; then
            if infra_rabbitmqctl "$dir" "$node" "$epmd" -q await_startup \
                --timeout $((deadline - SECONDS > 1 ? deadline - SECONDS : 1)) >/dev/null 2>&1; then
                [[ -z "$user" ]] || _infra_rabbit_user "$dir" "$node" "$epmd" "$user" "$password" || {
                    _infra_err "could not set up RabbitMQ user $user on node $node"
                    return 1
                }
                return 0
            fi
        fi
        sleep 0.5
    done
    infra_stop_rabbitmq "$dir" "$node" "$epmd"
    _infra_err "RabbitMQ node $node did not come up within ${timeout}s"
    _infra_log_tail "$dir/log/$node.log" "$dir/log/startup.log"
    return 1
}

infra_stop_rabbitmq() {
    if (($# < 3)); then
        _infra_err "usage: infra_stop_rabbitmq DIR NODENAME EPMD_PORT"
        return 2
    fi
    local dir=$1 node=$2 epmd=$3 spid bpid epid p
    local -a pids=()
    [[ -d "$dir" ]] || return 0
    dir=$(cd -- "$dir" && pwd) || return 1
    spid=$(_infra_read_pid "$dir/server.pid")
    bpid=$(_infra_read_pid "$dir/rabbit.pid")
    epid=$(_infra_read_pid "$dir/epmd.pid")

    # Graceful stop first (only while our epmd answers, so the CLI can find
    # the node); `stop PIDFILE` waits until the beam process has exited.
    if { _infra_pid_alive "$bpid" || _infra_pid_alive "$spid"; } && _infra_epmd_up "$epmd"; then
        local bin
        if bin=$(_infra_rabbit_bindir); then
            local -a _INFRA_RMQ_ENV
            _infra_rabbit_env "$dir" "$node" "$epmd"
            (cd -- "$dir" && exec timeout 60 env "${_INFRA_RMQ_ENV[@]}" "$bin/rabbitmqctl" \
                -n "$node" -q stop ${bpid:+"$dir/rabbit.pid"}) >/dev/null 2>&1 || true
        fi
    fi

    # Whatever is left: the wrapper script, the beam of this node (found by
    # pid file or by its private epmd port), then the private epmd.
    _infra_cmdline_has "$spid" rabbitmq-server && pids+=("$spid")
    _infra_cmdline_has "$bpid" "-home $dir " && pids+=("$bpid")
    while read -r p; do
        [[ -n "$p" ]] && pids+=("$p")
    done < <(pgrep -f -- "beam\.smp .*-epmd_port $epmd( |\$)" 2>/dev/null || true)
    ((${#pids[@]})) && _infra_kill_wait 15 "${pids[@]}"
    _infra_reap "$spid"

    if _infra_epmd_up "$epmd"; then
        epmd -port "$epmd" -kill >/dev/null 2>&1 || true
    fi
    if _infra_cmdline_has "$epid" "-port $epmd "; then
        _infra_kill_wait 3 "$epid"
    fi
    _infra_reap "$epid"
    rm -f -- "$dir/server.pid" "$dir/rabbit.pid" "$dir/epmd.pid"
    return 0
}

# ---------------------------------------------------------------------------
# Redis (the recommendation cache)
# ---------------------------------------------------------------------------
# A cache only: no RDB snapshots, no AOF; a restart starts empty (the services
# treat that like a flush). The password lives in DIR/redis.conf (mode 600), not
# on a command line; redis-cli gets it through REDISCLI_AUTH.

_infra_redis_cli() { # _infra_redis_cli DIR PORT ARGS...
    local dir=$1 port=$2 pw
    shift 2
    pw=$(sed -n 's/^requirepass "\(.*\)"$/\1/p' "$dir/redis.conf" 2>/dev/null)
    REDISCLI_AUTH=$pw timeout 5 redis-cli -h 127.0.0.1 -p "$port" "$@"
}

infra_start_redis() {
    if (($# < 3)); then
        _infra_err "usage: infra_start_redis DIR PORT PASSWORD"
        return 2
    fi
    local dir=$1 port=$2 password=$3 pid i timeout=${INFRA_START_TIMEOUT:-60}
    command -v redis-server >/dev/null 2>&1 || { _infra_err "redis-server not found; install 'redis-server'"; return 1; }
    mkdir -p -- "$dir" || return 1
    dir=$(cd -- "$dir" && pwd) || return 1

    pid=$(_infra_read_pid "$dir/redis.pid")
    if _infra_cmdline_has "$pid" "redis-server 127.0.0.1:$port"; then
        # Running already (up.sh again): apply the password it should have.
        _infra_redis_cli "$dir" "$port" CONFIG SET requirepass "$password" >/dev/null 2>&1 || true
    else
        if _infra_port_in_use "$port"; then
            _infra_err "port 127.0.0.1:$port is already in use by another process; cannot start Redis in $dir"
            return 1
        fi
        (
            umask 077
            {
                printf 'bind 127.0.0.1\nport %s\nprotected-mode yes\n' "$port"
                printf 'requirepass "%s"\n' "$password"
                printf 'dir "%s"\npidfile "%s/redis.pid"\nlogfile "%s/redis.log"\n' "$dir" "$dir" "$dir"
                printf 'daemonize no\nsave ""\nappendonly no\n'
            } >"$dir/redis.conf"
        ) || return 1
        setsid -w redis-server "$dir/redis.conf" >>"$dir/redis.log" 2>&1 </dev/null &
        pid=$!
        printf '%s\n' "$pid" >"$dir/redis.pid"
    fi
    for ((i = 0; i < timeout * 5; i++)); do
        if ! _infra_pid_alive "$pid"; then
            _infra_reap "$pid"
            _infra_err "Redis in $dir exited during start-up"
            _infra_log_tail "$dir/redis.log"
            return 1
        fi
        [[ "$(_infra_redis_cli "$dir" "$port" PING 2>/dev/null)" == PONG ]] && return 0
        sleep 0.2
    done
    infra_stop_redis "$dir"
    _infra_err "Redis in $dir did not answer within ${timeout}s"
    _infra_log_tail "$dir/redis.log"
    return 1
}

infra_stop_redis() {
    if (($# < 1)); then
        _infra_err "usage: infra_stop_redis DIR"
        return 2
    fi
    local dir=$1 pid
    [[ -d "$dir" ]] || return 0
    pid=$(_infra_read_pid "$dir/redis.pid")
    # Only that instance: its command line names the address of its own config.
    if _infra_cmdline_has "$pid" "redis-server 127.0.0.1:"; then
        _infra_kill_wait 10 "$pid"
    fi
    _infra_reap "$pid"
    rm -f -- "$dir/redis.pid"
    return 0
}
