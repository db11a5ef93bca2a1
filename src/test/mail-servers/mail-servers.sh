#!/usr/bin/env bash
# mail-servers.sh: a private Dovecot (IMAP, LMTP, submission) and OpenSMTPD (SMTP) on the loopback, for
# Guichet's real-server tests and for trying Guichet against Dovecot by hand (README, "Dovecot and Postfix").
#
#   mail-servers.sh install          install what is missing (Debian packages; needs root)
#   mail-servers.sh start DIR        write the configs, make a throwaway CA and certificate, start both
#   mail-servers.sh stop DIR         stop the two servers started in DIR (by their recorded PIDs only)
#   mail-servers.sh bench-start [DIR]  install if missing, start both (DIR default /tmp/guichet-bench-mail), and
#                                    print the ports and the `guichet bench --imap ... --smtp ...` line to run
#
# Everything (config, certificates, state, queue, logs, Maildirs) lives in DIR; nothing system-wide is
# started or edited: no systemctl, nothing written under /etc. The install step adds the packages
# dovecot-imapd, dovecot-lmtpd, dovecot-submissiond (their system service is kept from starting), unpacks
# OpenSMTPD's .deb into a cache instead of installing it (it would remove any other MTA), and creates the
# unprivileged users the servers run as (vmail, opensmtpd, opensmtpq), as their packages would.
#
# Ports (environment, defaults for trying by hand):
#   MAIL_IMAP_PORT 3143 (plain, STARTTLS offered)  MAIL_IMAPS_PORT 3993 (implicit TLS)
#   MAIL_SMTP_PORT 3025 (OpenSMTPD, no auth: how requesters' mail arrives)
#   MAIL_SUBMISSION_PORT 3587 (STARTTLS, login required)  MAIL_SUBMISSIONS_PORT 3465 (implicit TLS, login)
#   MAIL_OAUTH2_URL  the token-introspection endpoint Dovecot asks about OAuth2 bearer tokens
#   MAIL_CACHE       where OpenSMTPD's .deb is unpacked (default ~/.cache/guichet-mail-servers)
# Mailboxes: support@, alice@, bob@, full@helpdesk.test (password = the local part), any address of
# example.org (password = the local part); support+anything@helpdesk.test lands in support's INBOX.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
IMAP_PORT=${MAIL_IMAP_PORT:-3143}
IMAPS_PORT=${MAIL_IMAPS_PORT:-3993}
SMTP_PORT=${MAIL_SMTP_PORT:-3025}
SUBMISSION_PORT=${MAIL_SUBMISSION_PORT:-3587}
SUBMISSIONS_PORT=${MAIL_SUBMISSIONS_PORT:-3465}
OAUTH2_URL=${MAIL_OAUTH2_URL:-http://127.0.0.1:9/introspect}
CACHE=${MAIL_CACHE:-${HOME:-/root}/.cache/guichet-mail-servers}
MAIL_USER=vmail
USERS="support alice bob full"
# full@ gets a tiny quota (6 KB) on its Archive/ folders: once they are nearly full, a MOVE there is refused.
FULL_QUOTA="userdb_quota2_rule=*:storage=6K"
SMTPD_ROOT=$CACHE/opensmtpd

say() { printf 'mail-servers: %s\n' "$*"; }
die() { printf 'mail-servers: error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- install ---
apt_get() { # never removes a package: Postfix, OpenSMTPD, ssmtp and exim4 exclude each other
  DEBIAN_FRONTEND=noninteractive apt-get -y -q --no-install-recommends --no-remove "$@"
}

dovecot_present() {
  [ -x /usr/sbin/dovecot ] && [ -x /usr/lib/dovecot/imap ] && [ -x /usr/lib/dovecot/lmtp ] &&
    [ -x /usr/lib/dovecot/submission ] && command -v openssl >/dev/null
}

install_dovecot() {
  dovecot_present && return 0
  say "installing dovecot-imapd dovecot-lmtpd dovecot-submissiond openssl (their system service stays stopped)"
  # Debian's policy-rc.d: the packages' scripts may not start the system-wide service during the install.
  local policy=/usr/sbin/policy-rc.d made='' rc=0
  if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' > "$policy"; chmod 755 "$policy"; made=1; fi
  { apt_get install dovecot-imapd dovecot-lmtpd dovecot-submissiond openssl ||
    { apt-get update -q && apt_get install dovecot-imapd dovecot-lmtpd dovecot-submissiond openssl; }; } || rc=$?
  if [ -n "$made" ]; then rm -f "$policy"; fi
  [ "$rc" = 0 ] || die "apt-get install dovecot-imapd dovecot-lmtpd dovecot-submissiond failed ($rc)"
}

install_opensmtpd() {
  if [ ! -x "$SMTPD_ROOT/usr/sbin/smtpd" ]; then
    local tmp deb
    mkdir -p "$CACHE"
    tmp=$(mktemp -d "$CACHE/.download.XXXXXX")
    deb=$(ls -1t /var/cache/apt/archives/opensmtpd_*_"$(dpkg --print-architecture)".deb 2>/dev/null | head -n 1 || true)
    if [ -z "$deb" ]; then
      say "downloading the opensmtpd package (unpacked into $CACHE, not installed)"
      chown _apt "$tmp" 2>/dev/null || true
      (cd "$tmp" && { apt-get download -q opensmtpd || { apt-get update -q && apt-get download -q opensmtpd; }; }) ||
        { rm -rf "$tmp"; die "apt-get download opensmtpd failed"; }
      deb=$(ls -1 "$tmp"/opensmtpd_*.deb | head -n 1)
    fi
    dpkg-deb -x "$deb" "$tmp/root"
    dpkg-deb -f "$deb" Depends > "$tmp/root/DEPENDS"
    mkdir -p "$tmp/root/var/lib/opensmtpd/empty"
    rm -rf "$SMTPD_ROOT"; mv "$tmp/root" "$SMTPD_ROOT"; rm -rf "$tmp"
  fi
  if ldd "$SMTPD_ROOT/usr/sbin/smtpd" "$SMTPD_ROOT/usr/libexec/opensmtpd/mail.lmtp" | grep -q 'not found'; then
    local dep deps libs=()
    IFS=',' read -ra deps < "$SMTPD_ROOT/DEPENDS"
    for dep in "${deps[@]}"; do
      dep=${dep# }; dep=${dep%% *}
      case "$dep" in lib*|zlib*) libs+=("$dep") ;; esac
    done
    say "installing OpenSMTPD's libraries: ${libs[*]}"
    apt_get install "${libs[@]}" || { apt-get update -q && apt_get install "${libs[@]}"; } ||
      die "apt-get install ${libs[*]} failed"
  fi
}

ensure_users() {
  local u
  for u in "$MAIL_USER" opensmtpd opensmtpq; do
    getent passwd "$u" >/dev/null ||
      useradd --system --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin "$u"
  done
}

cmd_install() {
  [ "$(id -u)" = 0 ] || die "run as root: it installs Debian packages and creates the servers' users"
  command -v apt-get >/dev/null || die "apt-get not found: this script knows Debian and Ubuntu only"
  install_dovecot
  install_opensmtpd
  ensure_users
  unshare --mount --propagation private true 2>/dev/null ||
    die "cannot make a private mount namespace (unshare --mount), which the private OpenSMTPD needs"
  say "installed: $(dovecot --version | cut -d' ' -f1) and OpenSMTPD in $SMTPD_ROOT"
}

# ----------------------------------------------------------------- config ---
make_certificates() { # a throwaway CA, and a certificate for localhost and 127.0.0.1 signed by it
  local t=$DIR/tls
  mkdir -p "$t"; chmod 755 "$t"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Guichet test CA $(date +%s)" \
    -keyout "$t/ca.key" -out "$t/ca.pem" >/dev/null 2>&1 || die "openssl could not make the CA"
  openssl req -newkey rsa:2048 -nodes -subj "/CN=localhost/O=Guichet test mail server" \
    -keyout "$t/server.key" -out "$t/server.csr" >/dev/null 2>&1 || die "openssl could not make the server key"
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' \
    > "$t/ext.cnf"
  openssl x509 -req -in "$t/server.csr" -CA "$t/ca.pem" -CAkey "$t/ca.key" -CAcreateserial -days 2 \
    -extfile "$t/ext.cnf" -out "$t/server.pem" >/dev/null 2>&1 || die "openssl could not sign the certificate"
  chmod 644 "$t/ca.pem" "$t/server.pem"; chmod 600 "$t/server.key" "$t/ca.key"
}

fill() { # template -> file, with the @...@ values
  sed -e "s|@DIR@|$DIR|g" -e "s|@NAME@|$(basename "$DIR")|g" -e "s|@IMAP_PORT@|$IMAP_PORT|g" \
    -e "s|@IMAPS_PORT@|$IMAPS_PORT|g" -e "s|@SMTP_PORT@|$SMTP_PORT|g" \
    -e "s|@SUBMISSION_PORT@|$SUBMISSION_PORT|g" -e "s|@SUBMISSIONS_PORT@|$SUBMISSIONS_PORT|g" \
    -e "s|@OAUTH2_URL@|$OAUTH2_URL|g" -e "s|@MAIL_USER@|$MAIL_USER|g" \
    -e "s|@MAIL_UID@|$(id -u "$MAIL_USER")|g" -e "s|@MAIL_GID@|$(id -g "$MAIL_USER")|g" "$HERE/$1" > "$2"
}

write_configs() {
  mkdir -p "$DIR/log" "$DIR/run" "$DIR/state/dovecot" "$DIR/pids" "$DIR/smtpd/spool" "$DIR/smtpd/run" "$DIR/mail"
  chmod 755 "$DIR" "$DIR/log" "$DIR/run"
  chown "$MAIL_USER:$MAIL_USER" "$DIR/mail"; chmod 700 "$DIR/mail"
  local u extra
  : > "$DIR/passwd"; : > "$DIR/smtpd-recipients"
  for u in $USERS; do
    extra=''; [ "$u" = full ] && extra=$FULL_QUOTA
    printf '%s@helpdesk.test:{PLAIN}%s::::::%s\n' "$u" "$u" "$extra" >> "$DIR/passwd"
    printf '^%s(\\+[^@]*)?@helpdesk\\.test$\n' "$u" >> "$DIR/smtpd-recipients"
  done
  chown root:dovecot "$DIR/passwd"; chmod 640 "$DIR/passwd"
  printf '@ %s\n' "$MAIL_USER" > "$DIR/smtpd-virtual"
  printf '%s %s:%s:%s\n' "$MAIL_USER" "$(id -u "$MAIL_USER")" "$(id -g "$MAIL_USER")" "$DIR/mail" > "$DIR/smtpd-userbase"
  chmod 644 "$DIR/smtpd-recipients" "$DIR/smtpd-virtual" "$DIR/smtpd-userbase"
  make_certificates
  fill dovecot.conf "$DIR/dovecot.conf"
  fill dovecot-oauth2.conf.ext "$DIR/dovecot-oauth2.conf.ext"
  fill smtpd.conf "$DIR/smtpd.conf"
}

# -------------------------------------------------------------- processes ---
greets() { # port prefix
  local line=''
  exec 3<>"/dev/tcp/127.0.0.1/$1" || return 1
  IFS= read -r -t 2 line <&3 || true
  exec 3<&- 3>&-
  [[ "$line" == "$2"* ]]
} 2>/dev/null

wait_greeting() { # port prefix
  local i
  for ((i = 0; i < 150; i++)); do greets "$1" "$2" && return 0; sleep 0.1; done
  return 1
}

start_dovecot() {
  /usr/sbin/dovecot -c "$DIR/dovecot.conf" </dev/null >>"$DIR/log/dovecot.start.log" 2>&1 ||
    { cat "$DIR/log/dovecot.start.log" >&2; tail -n 20 "$DIR/log/dovecot.log" >&2 2>/dev/null; die "dovecot did not start"; }
  local i
  for ((i = 0; i < 100; i++)); do [ -s "$DIR/run/dovecot/master.pid" ] && break; sleep 0.1; done
  [ -s "$DIR/run/dovecot/master.pid" ] || die "dovecot wrote no master.pid; see $DIR/log/dovecot.log"
  cp "$DIR/run/dovecot/master.pid" "$DIR/pids/dovecot.pid"
  wait_greeting "$IMAP_PORT" '* OK' || die "dovecot does not answer on $IMAP_PORT; see $DIR/log/dovecot.log"
  wait_greeting "$SUBMISSION_PORT" '220' || die "dovecot submission does not answer on $SUBMISSION_PORT"
}

start_smtpd() {
  "$SMTPD_ROOT/usr/sbin/smtpd" -n -f "$DIR/smtpd.conf" >"$DIR/log/smtpd.check.log" 2>&1 ||
    { cat "$DIR/log/smtpd.check.log" >&2; die "smtpd refuses $DIR/smtpd.conf"; }
  # OpenSMTPD's paths are compiled in (/var/spool/smtpd, /run/smtpd.sock, /usr/libexec/opensmtpd,
  # /var/lib/opensmtpd/empty): in a mount namespace of its own, directories of DIR and of the unpacked
  # package are bind-mounted over them, for smtpd and its helpers only; the mounts vanish with it.
  setsid unshare --mount --propagation private -- /bin/sh -c '
      mount --bind "$1/smtpd/spool" /var/spool && mount --bind "$1/smtpd/run" /run &&
      mount --bind "$2/usr/libexec" /usr/libexec && mount --bind "$2/var/lib" /var/lib &&
      exec "$2/usr/sbin/smtpd" -d -f "$1/smtpd.conf"' guichet-smtpd "$DIR" "$SMTPD_ROOT" \
    </dev/null >>"$DIR/log/smtpd.log" 2>&1 &
  echo $! > "$DIR/pids/smtpd.pid"
  wait_greeting "$SMTP_PORT" '220' || { tail -n 20 "$DIR/log/smtpd.log" >&2; die "smtpd does not answer on $SMTP_PORT"; }
}

alive_as() { # pid binary-path
  local exe
  exe=$(readlink "/proc/$1/exe" 2>/dev/null || true)
  [ "${exe% (deleted)}" = "$2" ]
}

stop_one() { # name binary
  local f=$DIR/pids/$1.pid pid i
  [ -s "$f" ] || return 0
  pid=$(cat "$f")
  if [[ "$pid" =~ ^[0-9]+$ ]] && alive_as "$pid" "$2"; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do alive_as "$pid" "$2" || break; sleep 0.1; done
    if alive_as "$pid" "$2"; then kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$f"
}

cmd_start() {
  [ "$(id -u)" = 0 ] || die "run as root (the servers drop their privileges themselves)"
  dovecot_present && [ -x "$SMTPD_ROOT/usr/sbin/smtpd" ] || die "not installed: run '$0 install' first"
  mkdir -p "$DIR"
  trap 'stop_one smtpd "$SMTPD_ROOT/usr/sbin/smtpd"; stop_one dovecot /usr/sbin/dovecot' EXIT
  write_configs
  start_dovecot
  start_smtpd
  trap - EXIT
  say "ready in $DIR: IMAP 127.0.0.1:$IMAP_PORT (STARTTLS), IMAPS $IMAPS_PORT, SMTP $SMTP_PORT," \
    "submission $SUBMISSION_PORT (STARTTLS), submissions $SUBMISSIONS_PORT; CA $DIR/tls/ca.pem"
}

cmd_bench_start() { # for `guichet bench` against a real server: plain IMAP and SMTP on the loopback
  local port
  for port in "$IMAP_PORT" "$IMAPS_PORT" "$SMTP_PORT" "$SUBMISSION_PORT" "$SUBMISSIONS_PORT"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      die "port $port is taken (servers already started? '$0 stop $DIR'); or set the MAIL_*_PORT variables"
    fi
  done
  cmd_install
  cmd_start
  printf 'IMAP 127.0.0.1:%s SMTP 127.0.0.1:%s\n' "$IMAP_PORT" "$SMTP_PORT"
  printf 'run:  guichet bench --imap 127.0.0.1:%s --smtp 127.0.0.1:%s --user support@helpdesk.test --password support\n' \
    "$IMAP_PORT" "$SMTP_PORT"
  printf 'stop: %s stop %s\n' "$0" "$DIR"
}

cmd_stop() {
  stop_one smtpd "$SMTPD_ROOT/usr/sbin/smtpd"
  stop_one dovecot /usr/sbin/dovecot
  say "stopped the servers of $DIR"
}

directory() { # the DIR argument, absolute, and not under the paths smtpd's namespace mounts over
  [ -n "${1:-}" ] || die "usage: $0 start|stop DIR"
  case "$1" in /*) DIR=${1%/} ;; *) DIR=$(pwd)/${1%/} ;; esac
  case "$DIR/" in
    /run/*|/var/run/*|/var/spool/*|/var/lib/*|/usr/libexec/*) die "DIR must not be under /run, /var/spool, /var/lib or /usr/libexec" ;;
  esac
}

case "${1:-}" in
  install) cmd_install ;;
  start) directory "${2:-}"; cmd_start ;;
  stop) directory "${2:-}"; cmd_stop ;;
  bench-start) directory "${2:-/tmp/guichet-bench-mail}"; cmd_bench_start ;;
  *) echo "usage: $0 install | start DIR | stop DIR | bench-start [DIR]" >&2; exit 2 ;;
esac
