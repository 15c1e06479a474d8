#!/usr/bin/env bash
# Makes the TLS test certificates of tests/integration/TestTls.cpp (run once; the results are
# committed). EC P-256 keys; the CA and the good certificate last 100 years.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"; }

# The test CA.
key ca.key
openssl req -x509 -new -key ca.key -sha256 -days 36500 -subj "/CN=ThreatDesk Test CA" \
  -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" -out ca.pem

# leaf NAME SAN [openssl ca date options]: a server certificate signed by the test CA.
leaf() {
  local name=$1 san=$2
  shift 2
  key "$name.key"
  openssl req -new -key "$name.key" -subj "/CN=$name" -out "$work/$name.csr"
  cat >"$work/ca.cnf" <<CNF
[ca]
default_ca = test
[test]
database = $work/index.txt
new_certs_dir = $work
serial = $work/serial
default_md = sha256
policy = any
copy_extensions = none
[any]
commonName = supplied
[ext]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = $san
CNF
  : >"$work/index.txt"
  openssl rand -hex 8 >"$work/serial"
  openssl ca -batch -config "$work/ca.cnf" -cert ca.pem -keyfile ca.key -extensions ext -notext \
    -in "$work/$name.csr" -out "$name.pem" "$@"
}

# Valid for 127.0.0.1, ::1 and localhost.
leaf good "IP:127.0.0.1,IP:::1,DNS:localhost" -days 36500
# Expired: valid for the right names, but only during 2001.
leaf expired "IP:127.0.0.1,IP:::1,DNS:localhost" -startdate 20010101000000Z -enddate 20011231000000Z
# Valid and signed by the CA, but for another host.
leaf wronghost "DNS:wrong.example" -days 36500

# Self-signed, for the right names: trusted by nobody.
key selfsigned.key
openssl req -x509 -new -key selfsigned.key -sha256 -days 36500 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1,IP:::1,DNS:localhost" -out selfsigned.pem
