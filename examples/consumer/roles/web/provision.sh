#!/usr/bin/env bash
# Provisioning of the web role's image: nginx serving the static front end.
set -euo pipefail
dnf install -y nginx
systemctl enable nginx
