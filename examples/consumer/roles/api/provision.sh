#!/usr/bin/env bash
# Provisioning of the api role's image: runs once, as root, on the builder.
set -euo pipefail
dnf install -y nodejs20
useradd --system --home /opt/api api
install -d -o api /opt/api /var/log/api
