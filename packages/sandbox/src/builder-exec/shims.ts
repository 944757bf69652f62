// Command shims for what only a real VM has. They come first on the builder's PATH
// (/run/immut-sandbox/bin, read-only) and are deliberately small and fast: the package
// manager logs and records what it "installs" and spends its simulated time on the sandbox
// clock; systemctl records units in the scratch root the way systemd would; poweroff,
// shutdown and sleep ask the sandbox (over this builder's control channel, control.ts).
// Everything else the scripts call is the host's real program, read-only.

/** Bash text as written: only `\${` (kept from interpolation) is unescaped. */
const bash = (parts: TemplateStringsArray): string => parts.raw.join('').replaceAll('\\${', '${');

const LIB = bash`# Sourced by the shims: one request to this builder's control channel (HTTP over bash's
# /dev/tcp, so no process is started). Prints the answer's body; fails unless it is 200.
immut_urlencode() {
  local LC_ALL=C s=$1 c i
  REPLY=''
  for ((i = 0; i < \${#s}; i++)); do
    c=\${s:i:1}
    case $c in [a-zA-Z0-9.~_-]) REPLY+=$c ;; *) printf -v c '%%%02X' "'$c"; REPLY+=$c ;; esac
  done
}
immut_sandbox() {
  local verb=$1 port token query='' kv fd status line
  shift
  read -r port token < /run/immut-sandbox/control/endpoint || return 7
  for kv in "$@"; do
    immut_urlencode "\${kv#*=}"
    query+="&\${kv%%=*}=$REPLY"
  done
  exec {fd}<>"/dev/tcp/127.0.0.1/$port" || return 7
  printf 'GET /%s?t=%s%s HTTP/1.0\r\nHost: builder\r\n\r\n' "$verb" "$token" "$query" >&"$fd"
  IFS=' ' read -r _ status _ <&"$fd"
  while IFS= read -r line <&"$fd"; do [ -n "\${line%$'\r'}" ] || break; done
  while IFS= read -r line <&"$fd" || [ -n "$line" ]; do
    if [ "$status" = 200 ]; then printf '%s\n' "$line"; else printf '%s\n' "$line" >&2; fi
  done
  exec {fd}<&-
  [ "$status" = 200 ]
}
`;

const head = (about: string): string =>
  `#!/bin/bash\n# immut sandbox shim: ${about}\n. /run/immut-sandbox/bin/immut-sandbox-lib\n`;

const SLEEP =
  head('sleep on the sandbox clock (the builder’s time moves, the host’s does not).') +
  bash`if [ $# -eq 0 ]; then echo "sleep: missing operand" >&2; exit 1; fi
immut_sandbox sleep "for=$*" >/dev/null
`;

const POWEROFF =
  head('power the instance off (the sandbox stops the whole namespace).') +
  bash`immut_sandbox poweroff "how=\${0##*/} $*" >/dev/null || exit 1
exec /usr/bin/sleep infinity
`;

const SHUTDOWN =
  head('shutdown now or in +MINUTES (the self-destruct timer), or -c to cancel.') +
  bash`when='' message=''
for a in "$@"; do
  case $a in
    -c) immut_sandbox shutdown-cancel >/dev/null; exit $? ;;
    -h|-P|-H|--poweroff|--halt|--no-wall|-k) ;;
    -r|--reboot) ;;
    -*) echo "shutdown: option $a is not emulated by the sandbox" >&2; exit 1 ;;
    *) if [ -z "$when" ]; then when=$a; elif [ -z "$message" ]; then message=$a; else message="$message $a"; fi ;;
  esac
done
case \${when:-+1} in
  now|+0) immut_sandbox poweroff "how=shutdown $*" >/dev/null || exit 1; exec /usr/bin/sleep infinity ;;
  +[0-9]*) immut_sandbox shutdown "minutes=\${when#+}" "message=$message" ;;
  *) echo "shutdown: only 'now' and '+MINUTES' are emulated by the sandbox" >&2; exit 1 ;;
esac
`;

const SYSTEMCTL =
  head('units recorded in the scratch root as systemd would (enable links); nothing runs.') +
  bash`verb='' now='' units=()
for a in "$@"; do
  case $a in
    --now) now=1 ;;
    -q|--quiet|--no-pager|--no-block|--system|-f|--force) ;;
    -*) ;;
    *) if [ -z "$verb" ]; then verb=$a; else units+=("$a"); fi ;;
  esac
done
db=/var/lib/immut-sandbox
log() { mkdir -p "$db"; printf '%s %s\n' "$1" "$2" >> "$db/systemctl.log"; }
unit_of() { case $1 in *.*) printf '%s' "$1" ;; *) printf '%s.service' "$1" ;; esac; }
unit_file() {
  local d
  for d in /etc/systemd/system /usr/local/lib/systemd/system /usr/lib/systemd/system /lib/systemd/system; do
    if [ -f "$d/$1" ]; then printf '%s' "$d/$1"; return 0; fi
  done
  if [ -f "$db/units" ] && grep -qxF "$1" "$db/units"; then printf '/usr/lib/systemd/system/%s' "$1"; return 0; fi
  return 1
}
wanted_by() {
  local t
  t=$( { grep -E '^WantedBy=' "$1" 2>/dev/null || true; } | head -n1 | cut -d= -f2 | cut -d' ' -f1)
  printf '%s' "\${t:-multi-user.target}"
}
status=0
case $verb in
  daemon-reload|daemon-reexec|reset-failed) log "$verb" '-' ;;
  enable|disable|start|stop|restart|reload|try-restart|mask|unmask|is-enabled|is-active|status)
    for raw in "\${units[@]}"; do
      u=$(unit_of "$raw")
      if ! f=$(unit_file "$u"); then
        case $verb in
          enable|disable|mask|unmask) echo "Failed to $verb unit: Unit file $u does not exist." >&2 ;;
          is-enabled|is-active|status) echo "Unit $u could not be found." >&2 ;;
          *) echo "Failed to $verb $u: Unit $u not found." >&2 ;;
        esac
        status=$([ "$verb" = status ] && echo 4 || echo 5); [ "$verb" = enable ] && status=1; continue
      fi
      wants="/etc/systemd/system/$(wanted_by "$f").wants"
      case $verb in
        enable)
          mkdir -p "$wants"; ln -sfn "$f" "$wants/$u"; log enable "$u"
          echo "Created symlink $wants/$u → $f."
          [ -z "$now" ] || log start "$u" ;;
        disable) rm -f "$wants/$u"; log disable "$u"; echo "Removed \"$wants/$u\"." ;;
        mask) ln -sfn /dev/null "/etc/systemd/system/$u"; log mask "$u" ;;
        unmask) [ ! -L "/etc/systemd/system/$u" ] || rm -f "/etc/systemd/system/$u"; log unmask "$u" ;;
        is-enabled) if [ -L "$wants/$u" ]; then echo enabled; else echo disabled; status=1; fi ;;
        is-active) echo inactive; status=3 ;;
        status) echo "○ $u"; echo "     Loaded: loaded ($f)"; echo "     Active: inactive (dead) — sandbox builder"; status=3 ;;
        *) log "$verb" "$u" ;;
      esac
    done ;;
  '') echo "systemctl: the sandbox shows no unit list" ;;
  *) echo "systemctl: '$verb' is not emulated by the sandbox" >&2; status=1 ;;
esac
exit $status
`;

const CLOUD_INIT =
  head('cloud-init clean (so the image boots as new) and status.') +
  bash`case \${1:-} in
  clean) rm -rf /var/lib/cloud/instance /var/lib/cloud/instances /var/lib/cloud/data /var/lib/cloud/sem
    for a in "$@"; do [ "$a" != --logs ] || rm -f /var/log/cloud-init.log /var/log/cloud-init-output.log; done ;;
  status) echo "status: running" ;;
  *) echo "cloud-init: '\${1:-}' is not emulated by the sandbox" >&2; exit 1 ;;
esac
`;

/** What a package install leaves behind, for packages whose files a bake refers to. */
const PACKAGE_FILES = bash`install_files() {
  case $1 in
    amazon-cloudwatch-agent)
      mkdir -p /opt/aws/amazon-cloudwatch-agent/bin /opt/aws/amazon-cloudwatch-agent/etc /etc/systemd/system
      cp /run/immut-sandbox/bin/immut-sandbox-agent-ctl /opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl
      chmod 0755 /opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl
      printf '%s\n' '[Unit]' 'Description=Amazon CloudWatch Agent' 'After=network.target' '' '[Service]' \
        'ExecStart=/opt/aws/amazon-cloudwatch-agent/bin/start-amazon-cloudwatch-agent' '' '[Install]' \
        'WantedBy=multi-user.target' > /etc/systemd/system/amazon-cloudwatch-agent.service ;;
    nginx|httpd|docker|redis6|chrony|amazon-ssm-agent|postgresql*-server|mariadb*-server)
      local unit=\${1%-server}; [ "$1" != chrony ] || unit=chronyd
      printf '%s.service\n' "$unit" >> /var/lib/immut-sandbox/units ;;
  esac
}
record() {
  mkdir -p /var/lib/immut-sandbox
  local p name
  for p in "$@"; do
    name=\${p##*/}; name=\${name%.rpm}; name=\${name%.deb}
    printf '%s\n' "$name" >> /var/lib/immut-sandbox/packages
    install_files "$name"
  done
}
`;

const DNF =
  head('dnf/yum: logs, records what it installs, spends simulated time; downloads nothing.') +
  PACKAGE_FILES +
  bash`cmd='' pkgs=()
for a in "$@"; do
  case $a in -*) ;; *) if [ -z "$cmd" ]; then cmd=$a; else pkgs+=("$a"); fi ;; esac
done
echo "Last metadata expiration check: 0:00:03 ago on $(date '+%a %d %b %Y %H:%M:%S %Z')."
case $cmd in
  upgrade|update|upgrade-minimal|distro-sync)
    immut_sandbox wait "for=package-upgrade" >/dev/null
    echo "Dependencies resolved."; echo "Nothing to do."; echo "Complete!" ;;
  install|reinstall|localinstall)
    if [ \${#pkgs[@]} -eq 0 ]; then echo "Error: Need to pass a list of pkgs to install" >&2; exit 1; fi
    immut_sandbox wait "for=package-install" "count=\${#pkgs[@]}" >/dev/null
    record "\${pkgs[@]}"
    echo "Dependencies resolved."; echo "Installed:"; printf '  %s\n' "\${pkgs[@]}"; echo "Complete!" ;;
  remove|erase) echo "Removed:"; printf '  %s\n' "\${pkgs[@]}"; echo "Complete!" ;;
  clean|makecache|check-update|repolist) ;;
  *) echo "[sandbox] \${0##*/} $cmd is not emulated" >&2; exit 1 ;;
esac
`;

const APT_GET =
  head('apt-get/apt: logs, records what it installs, spends simulated time; downloads nothing.') +
  PACKAGE_FILES +
  bash`cmd='' pkgs=()
for a in "$@"; do
  case $a in -o|--option) ;; -*|Dpkg::*|APT::*) ;; *) if [ -z "$cmd" ]; then cmd=$a; else pkgs+=("$a"); fi ;; esac
done
case $cmd in
  update) echo "Reading package lists... Done" ;;
  upgrade|dist-upgrade|full-upgrade)
    immut_sandbox wait "for=package-upgrade" >/dev/null
    echo "Reading package lists... Done"; echo "0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded." ;;
  install|reinstall)
    if [ \${#pkgs[@]} -eq 0 ]; then echo "0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded."; exit 0; fi
    immut_sandbox wait "for=package-install" "count=\${#pkgs[@]}" >/dev/null
    record "\${pkgs[@]}"
    for p in "\${pkgs[@]}"; do echo "Setting up $p ..."; done ;;
  remove|purge|autoremove|clean|autoclean) ;;
  *) echo "[sandbox] \${0##*/} $cmd is not emulated" >&2; exit 100 ;;
esac
`;

const DPKG =
  head('dpkg: the architecture, and -i of a downloaded package (recorded).') +
  PACKAGE_FILES +
  bash`case \${1:-} in
  --print-architecture) echo amd64 ;;
  -i|--install) shift; immut_sandbox wait "for=package-install" "count=$#" >/dev/null; record "$@" ;;
  -l|--list) cat /var/lib/immut-sandbox/packages 2>/dev/null || true ;;
  *) echo "[sandbox] dpkg \${1:-} is not emulated" >&2; exit 2 ;;
esac
`;

const AGENT_CTL =
  head('amazon-cloudwatch-agent-ctl -a fetch-config: checks the config is JSON and keeps it.') +
  bash`action='' config=''
while [ $# -gt 0 ]; do
  case $1 in -a) action=$2; shift ;; -c) config=$2; shift ;; -m) shift ;; -s) ;; esac
  shift
done
case $action in
  fetch-config|append-config)
    path=\${config#file:}
    echo "****** processing amazon-cloudwatch-agent ******"
    immut_sandbox check-json "path=$path" || exit 1
    mkdir -p /opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.d
    cp "$path" /opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.d/file_amazon-cloudwatch-agent.json
    echo "Successfully fetched the config and saved in /opt/aws/amazon-cloudwatch-agent/etc/amazon-cloudwatch-agent.d/file_amazon-cloudwatch-agent.json.tmp" ;;
  stop|status) echo '{ "status": "stopped" }' ;;
  *) echo "[sandbox] amazon-cloudwatch-agent-ctl -a $action is not emulated" >&2; exit 1 ;;
esac
`;

const USERADD =
  head('useradd/groupadd: lines in the scratch root’s /etc/passwd and /etc/group.') +
  bash`system='' home='' shell=/bin/bash uid='' group='' create='' name=''
while [ $# -gt 0 ]; do
  case $1 in
    -r|--system) system=1 ;;
    -d|--home|--home-dir) home=$2; shift ;;
    -s|--shell) shell=$2; shift ;;
    -u|--uid) uid=$2; shift ;;
    -g|--gid) group=$2; shift ;;
    -m|--create-home) create=1 ;;
    -M|--no-create-home|-U|--user-group|-N|--no-user-group) ;;
    -c|--comment|-G|--groups|-e|-f|-k|-K|-p) shift ;;
    -*) ;;
    *) name=$1 ;;
  esac
  shift
done
file=/etc/passwd; [ "\${0##*/}" = useradd ] || file=/etc/group
if [ -z "$name" ]; then echo "\${0##*/}: missing name" >&2; exit 2; fi
if cut -d: -f1 "$file" | grep -qxF "$name"; then echo "\${0##*/}: '$name' already exists" >&2; exit 9; fi
if [ -z "$uid" ]; then
  used=$(cut -d: -f3 /etc/passwd /etc/group | sort -n)
  if [ -n "$system" ]; then uid=999; while grep -qx "$uid" <<<"$used"; do uid=$((uid - 1)); done
  else uid=1000; while grep -qx "$uid" <<<"$used"; do uid=$((uid + 1)); done; fi
fi
if [ "\${0##*/}" = groupadd ]; then echo "$name:x:$uid:" >> /etc/group; exit 0; fi
gid=$uid
if [ -n "$group" ]; then gid=$(grep -E "^$group:" /etc/group | cut -d: -f3); fi
grep -qE "^$name:" /etc/group || echo "$name:x:$gid:" >> /etc/group
echo "$name:x:$uid:$gid::\${home:-/home/$name}:$shell" >> /etc/passwd
if [ -n "$create" ]; then mkdir -p "\${home:-/home/$name}"; chown "$uid:$gid" "\${home:-/home/$name}"; fi
`;

const CURL =
  head('curl: the real one for the sandbox (127.0.0.1); public package downloads emulated; no other host.') +
  bash`out='' hosts=() urls=() prev=''
for a in "$@"; do
  case $prev in -o|--output) out=$a ;; esac
  case $a in -o?*) out=\${a#-o} ;; --output=*) out=\${a#--output=} ;; esac
  case $a in http://*|https://*)
    urls+=("$a"); h=\${a#*://}; h=\${h%%/*}; h=\${h##*@}; hosts+=("\${h%:*}") ;;
  esac
  prev=$a
done
local_only=1
for h in "\${hosts[@]}"; do case $h in 127.0.0.1|localhost|'[::1]') ;; *) local_only='' ;; esac; done
if [ -n "$local_only" ]; then exec /usr/bin/curl "$@"; fi
# The CloudWatch agent's public package (the builder's apt path downloads it): a placeholder.
if [ \${#urls[@]} -eq 1 ] && [[ \${urls[0]} =~ ^https://amazoncloudwatch-agent[.a-z0-9-]*\.amazonaws\.com/.*/amazon-cloudwatch-agent\.(deb|rpm)$ ]]; then
  if [ -n "$out" ]; then printf 'immut sandbox placeholder for %s\n' "\${urls[0]}" > "$out"; fi
  exit 0
fi
for h in "\${hosts[@]}"; do case $h in 127.0.0.1|localhost|'[::1]') ;; *) echo "curl: (6) Could not resolve host: $h" >&2; exit 6 ;; esac; done
exit 2
`;

/** The shim files of each package-manager family, by name (mode 0644: not a command). */
export function shimFiles(family: 'dnf' | 'apt'): Record<string, { text: string; mode: number }> {
  const exe = (text: string) => ({ text, mode: 0o755 });
  const common = {
    'immut-sandbox-lib': { text: LIB, mode: 0o644 },
    sleep: exe(SLEEP),
    poweroff: exe(POWEROFF),
    halt: exe(POWEROFF),
    reboot: exe(POWEROFF),
    shutdown: exe(SHUTDOWN),
    curl: exe(CURL),
    systemctl: exe(SYSTEMCTL),
    'cloud-init': exe(CLOUD_INIT),
    useradd: exe(USERADD),
    groupadd: exe(USERADD),
    // Not a command until the package is installed (the dnf/apt shims copy it into /opt).
    'immut-sandbox-agent-ctl': { text: AGENT_CTL, mode: 0o644 },
  };
  return family === 'dnf'
    ? { ...common, dnf: exe(DNF), yum: exe(DNF) }
    : { ...common, 'apt-get': exe(APT_GET), apt: exe(APT_GET), dpkg: exe(DPKG) };
}
