#!/usr/bin/env bash
# Guichet for a newcomer: builds the program when needed, then
#   ./run.sh            starts the daemon on config/guichet.yml (the embedded demo)
#   ./run.sh ARGS...    runs the command line with ARGS (./run.sh tickets, ./run.sh --help)
set -euo pipefail
cd "$(dirname "$0")"

jar=target/guichet.jar
need_build=false
if [ ! -f "$jar" ] || [ ! -d target/lib ]; then
  need_build=true
elif [ -n "$(find pom.xml src config/templates -newer "$jar" -type f -print -quit)" ]; then
  need_build=true
fi

if $need_build; then
  command -v mvn >/dev/null || { echo "run.sh: Maven (mvn) is needed to build Guichet: apt-get install maven" >&2; exit 2; }
  command -v java >/dev/null || { echo "run.sh: Java 17 or later is needed: apt-get install openjdk-17-jdk-headless" >&2; exit 2; }
  echo "Building Guichet (first run, or sources changed)..." >&2
  mvn -B -q -DskipTests package >&2
fi

if [ $# -eq 0 ]; then
  set -- run
fi
exec java -jar "$jar" "$@"
