#!/usr/bin/env bash
# Provisioning of the api role's image: runs once, as root, on the builder. bake-image has
# already fetched the app (the world file's `artifact: [app/api]`), checked its sha256 and
# unpacked it to $IMMUT_APP_DIR/api before this script runs.
set -euo pipefail
dnf install -y nodejs20
useradd --system --home /opt/api api
install -d /opt/api
install -d -o api /var/log/api
# The code is root's; the service user only runs it.
cp -R "$IMMUT_APP_DIR/api/." /opt/api/
# The flags file is written by launch-behind-lb's user data at each server's first boot.
cat > /etc/systemd/system/api.service <<'UNIT'
[Unit]
Description=immut example api
Wants=network-online.target
After=network-online.target

[Service]
User=api
WorkingDirectory=/opt/api
EnvironmentFile=/etc/immut/app.env
ExecStart=/usr/bin/env node /opt/api/server.js
Restart=always
StandardOutput=append:/var/log/api/api.log
StandardError=append:/var/log/api/api.log

[Install]
WantedBy=multi-user.target
UNIT
chmod 0644 /etc/systemd/system/api.service
systemctl enable api.service
