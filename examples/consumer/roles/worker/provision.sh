#!/usr/bin/env bash
# Provisioning of the worker role's image: the queue consumer.
set -euo pipefail
dnf install -y nodejs20
useradd --system --home /opt/worker worker
install -d -o worker /opt/worker /var/log/worker
