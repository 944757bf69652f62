// The script that builds a builder's isolated root, run by bash inside fresh user, mount, pid
// and UTS namespaces (namespace.ts starts it). It runs before the builder script and is the
// only code that sees the host's file system: it bind-mounts what the builder may read
// (read-only), pivots into the scratch root and detaches the host's root for good, then
// execs the builder script as cloud-init would (part-001, as root, with an empty
// environment). Arguments: SCRATCH (the builder's directory: root/, control/, user-data),
// SHIMS (the sandbox's shim directory), HOSTNAME, FAMILY (dnf | apt), and `mapped` once the
// host has written the namespace's uid/gid maps.
export const SETUP_SCRIPT = `set -euo pipefail
S=$1 SHIMS=$2 HOST=$3 FAMILY=$4
if [ "\${5:-}" != mapped ]; then
  # Handshake on fd 3: the host writes our uid/gid maps, then we become root of the namespace.
  echo ready >&3
  read -r _ <&3
  exec 3>&-
  exec setpriv --reuid=0 --regid=0 --clear-groups bash "$0" "$S" "$SHIMS" "$HOST" "$FAMILY" mapped
fi
R=$S/root
cd "$R"
mkdir -p etc/systemd/system etc/sysconfig opt var/tmp var/log var/cache var/spool var/lib/cloud/instance/scripts home root tmp \\
  run/immut-sandbox/bin run/immut-sandbox/control srv mnt dev proc usr
chmod 1777 tmp var/tmp
chmod 0700 root
# The host's programs, read-only. Merged-/usr links are copied as links.
for d in usr bin sbin lib lib32 lib64 libx32; do
  if [ -L "/$d" ]; then ln -sfn "$(readlink "/$d")" "$d"
  elif [ -d "/$d" ]; then
    mkdir -p "$d"
    mount --rbind "/$d" "$d"
    mount -o remount,bind,ro "$d"
  fi
done
# /etc is the builder's own; only the host's alternatives links (Debian: awk, …) are lent.
for d in etc/alternatives etc/ssl; do
  if [ -d "/$d" ]; then mkdir -p "$d"; mount --rbind "/$d" "$d"; mount -o remount,bind,ro "$d"; fi
done
[ -e etc/passwd ] || printf '%s\\n' 'root:x:0:0:root:/root:/bin/bash' \\
  'nobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin' > etc/passwd
[ -e etc/group ] || printf '%s\\n' 'root:x:0:' 'wheel:x:10:' 'nobody:x:65534:' > etc/group
[ -e etc/hosts ] || printf '%s\\n' '127.0.0.1 localhost localhost.localdomain' > etc/hosts
printf '%s\\n' "$HOST" > etc/hostname
# Devices: the harmless ones, bound from the host; the console is the script's own output.
for n in null zero full random urandom tty; do
  [ -e "dev/$n" ] || touch "dev/$n"
  mount --bind "/dev/$n" "dev/$n"
done
touch dev/console && mount --bind /dev/null dev/console
ln -sfn /proc/self/fd dev/fd
ln -sfn /proc/self/fd/0 dev/stdin
ln -sfn /proc/self/fd/1 dev/stdout
ln -sfn /proc/self/fd/2 dev/stderr
mkdir -p dev/shm && mount -t tmpfs -o mode=1777,size=64m tmpfs dev/shm
# The shims (read-only) and the control channel of this builder (its port and token).
mount --bind "$SHIMS/$FAMILY" run/immut-sandbox/bin
mount -o remount,bind,ro run/immut-sandbox/bin
mount --bind "$S/control" run/immut-sandbox/control
# Hide the package managers of the other family that the host happens to have.
if [ "$FAMILY" = dnf ]; then hide="apt-get apt apt-cache dpkg"; else hide="dnf yum microdnf rpm"; fi
for p in $hide; do
  for dir in usr/bin usr/sbin; do [ -f "$dir/$p" ] && mount --bind /dev/null "$dir/$p"; done
done
# The user data, where cloud-init keeps it.
cp "$S/user-data" var/lib/cloud/instance/user-data.txt
cp "$S/user-data" var/lib/cloud/instance/scripts/part-001
chmod 0700 var/lib/cloud/instance/scripts/part-001
[ ! -e "$S/fault.sh" ] || cp "$S/fault.sh" run/immut-sandbox/fault.sh
hostname "$HOST"
# Into the scratch root; the host's root is detached and must be gone.
mount --rbind "$R" "$R"
cd "$R"
mkdir .immut-old-root
pivot_root . .immut-old-root
cd /
mount -t proc -o nosuid,nodev,noexec proc /proc
umount -l /.immut-old-root
rmdir /.immut-old-root
if [ -e /.immut-old-root ]; then echo "sandbox: the host's root is still attached" >&2; exit 70; fi
env_vars=(PATH=/run/immut-sandbox/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
  HOME=/root LANG=C.UTF-8 TERM=linux USER=root LOGNAME=root SHELL=/bin/bash)
[ ! -e /run/immut-sandbox/fault.sh ] || env_vars+=(BASH_ENV=/run/immut-sandbox/fault.sh)
exec env -i "\${env_vars[@]}" /var/lib/cloud/instance/scripts/part-001 </dev/null
`;
