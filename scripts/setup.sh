#!/usr/bin/env bash
# Everything ipclue needs on a fresh machine, idempotent: Python deps, Java check, the Neo4j jars,
# the web build (Node) and, for browser tests, Debian's Chromium. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
want_browser="${IPCLUE_SETUP_BROWSER:-1}"

step() { printf '\n== %s\n' "$*"; }

step "Python packages"
"$PY" -m pip install --disable-pip-version-check -q -e ".[dev]"

step "Java (Neo4j 5.26 needs 17+)"
if ! command -v java >/dev/null; then
  if command -v apt-get >/dev/null; then apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless maven; fi
fi
java -version 2>&1 | head -1
command -v mvn >/dev/null || { command -v apt-get >/dev/null && apt-get install -y -qq maven; }

step "Neo4j jars (Maven Central, cached under ~/.m2 and IPCLUE_HOME)"
"$PY" -c "from ipclue.dbms.managed import ManagedNeo4j; from ipclue.settings import Settings; print(ManagedNeo4j(Settings()).provision())"

if [ -f web/package.json ]; then
  step "Web application (npm ci + build)"
  if [ ! -f ipclue/api/static/.build-stamp ] || [ -n "$(find web/src web/package-lock.json web/index.html -newer ipclue/api/static/.build-stamp 2>/dev/null | head -1)" ]; then
    (cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)
    touch ipclue/api/static/.build-stamp
  else
    echo "up to date"
  fi
fi

if [ "$want_browser" = "1" ] && command -v apt-get >/dev/null \
   && ! dpkg -s chromium fonts-noto-cjk poppler-utils >/dev/null 2>&1; then
  step "Chromium, CJK fonts and poppler-utils (pdftotext, pdftoppm) for the browser and report tests"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk \
    poppler-utils >/dev/null
fi

if command -v apt-get >/dev/null && ! dpkg -s fonts-wqy-zenhei >/dev/null 2>&1; then
  step "The CJK TrueType font PDF and DOCX reports are set in (Debian's fonts-wqy-zenhei)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-zenhei >/dev/null
fi
echo "setup done"
