#!/bin/sh
# Print the first Python 3.11-3.15 that can create a virtual environment, or explain in one line
# (Thai, then English) what to install.  Used by the Makefile to start kit.py.
for candidate in ${PYTHON:-} python3 python3.13 python3.12 python3.14 python3.11 python3.15; do
    [ -n "$candidate" ] || continue
    command -v "$candidate" >/dev/null 2>&1 || continue
    if "$candidate" -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 15) else 1)' 2>/dev/null; then
        if "$candidate" -c 'import venv, ensurepip' 2>/dev/null; then
            echo "$candidate"
            exit 0
        fi
        echo "ต้องใช้โมดูล venv ของ Python: ติดตั้งด้วย 'sudo apt install python3-venv' (Debian/Ubuntu) แล้วลองใหม่ / Python '$candidate' cannot create virtual environments: install python3-venv." >&2
        exit 1
    fi
done
found=$(python3 --version 2>/dev/null || echo "ไม่พบ python3")
echo "ชุดเรียนนี้ใช้ Python 3.11 ถึง 3.15 (พบ: $found): ติดตั้ง Python 3.12 จาก https://www.python.org/downloads/ หรือใช้ conda ตาม README / Python 3.11-3.15 is required." >&2
exit 1
