#!/bin/sh
# Install Debian's Chromium for the browser test (make test-browser).
#
# Only acts when /usr/bin/chromium is missing; needs root (or password-less sudo) and apt-get.
# Browser downloads by test tools (playwright install, puppeteer) are not used: the system
# package is the one Binder/CI machines can install.  Exit codes: 0 = Chromium is there
# (already or now), 1 = it could not be installed (one-line reason on stderr).
set -u

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
    echo "install_chromium: $CHROMIUM already installed"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install_chromium: cannot install Chromium: apt-get not found (not a Debian/Ubuntu system)" >&2
    exit 1
fi

if [ "$(id -u)" = "0" ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "install_chromium: cannot install Chromium: not root and password-less sudo is not available" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "install_chromium: apt-get update ..."
if ! $SUDO apt-get update -qq; then
    echo "install_chromium: cannot install Chromium: apt-get update failed" >&2
    exit 1
fi
echo "install_chromium: apt-get install -y chromium (about 1-2 minutes) ..."
if ! $SUDO apt-get install -y -qq chromium >/dev/null; then
    echo "install_chromium: cannot install Chromium: apt-get install chromium failed" >&2
    exit 1
fi
if [ ! -x "$CHROMIUM" ]; then
    echo "install_chromium: cannot install Chromium: package installed but $CHROMIUM is missing" >&2
    exit 1
fi
echo "install_chromium: installed $($CHROMIUM --version 2>/dev/null || echo "$CHROMIUM")"
