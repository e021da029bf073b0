#!/usr/bin/env bash
# Makes a minimal root filesystem from Debian's busybox-static: scripts/busybox-rootfs.sh DIR
set -euo pipefail
dir=${1:?usage: busybox-rootfs.sh DIR}
bb=$(command -v busybox) || { echo "busybox not found (apt-get install busybox-static)" >&2; exit 1; }
mkdir -p "$dir"/{bin,sbin,etc,proc,sys,dev,tmp,run,root,srv/www,usr/bin,usr/sbin,var/log}
install -m 0755 "$bb" "$dir/bin/busybox"
for applet in $("$bb" --list); do
  [[ -e "$dir/bin/$applet" ]] || ln -s busybox "$dir/bin/$applet"
done
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\nwww:x:1000:1000:www:/srv/www:/bin/false\n' > "$dir/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\nwww:x:1000:\n' > "$dir/etc/group"
printf '<h1>served by hctr</h1>\n' > "$dir/srv/www/index.html"
chmod 1777 "$dir/tmp"
