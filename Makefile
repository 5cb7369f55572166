# Thin aliases of kit.py, the one entry point (Windows has no make: use `py kit.py lab` there).
# kit.py creates .venv on first use and reinstalls only when a lock or pyproject.toml changes.

# The first Python 3.11-3.15 on PATH (scripts/find_python.sh explains in Thai when there is none).
KIT := PY=$$(sh scripts/find_python.sh) || exit 1; "$$PY" kit.py
BIN := .venv/bin
DIR ?= wheelhouse

.PHONY: help lab live test test-fast test-browser test-hub site doctor install wheelhouse lock-check bench mutation lock data sync clean-venv

help:
	@echo "make lab          เปิด JupyterLab ที่โน้ตบุ๊กต้อนรับ (= python kit.py lab)"
	@echo "make live         เหมือน make lab แต่เรียกข้อมูลจริงจาก data.go.th (= python kit.py lab --live)"
	@echo "make test         ทดสอบทุกอย่าง: unit tests, doctests, nbval (= python kit.py test)"
	@echo "make test-browser ทดสอบในเบราว์เซอร์จริง (headless Chromium)"
	@echo "make site         สร้างเว็บไซต์ของชุดเรียนใน build/site (= python kit.py site)"
	@echo "make doctor       ตรวจความพร้อมของเครื่อง (environment check)"
	@echo "make wheelhouse DIR=wheels  ดาวน์โหลด wheel ทุกไฟล์สำหรับห้องเรียนที่อินเทอร์เน็ตช้า"
	@echo "make lock-check   ตรวจว่าไฟล์ล็อกติดตั้งได้บน Windows, macOS, Linux ทุกรุ่นของ Python (ต้องใช้อินเทอร์เน็ต)"
	@echo "make mutation     วัดว่าการทดสอบจับบั๊กที่ตั้งใจใส่ (mutant) ได้กี่เปอร์เซ็นต์ ทีละโมดูล (mutmut ใช้เวลาราวหนึ่งชั่วโมง)"
	@echo "make lock         สร้าง requirements.lock และ requirements-test.lock ใหม่จาก pyproject.toml"

lab:
	@$(KIT) lab

live:
	@$(KIT) lab --live

test:
	@$(KIT) test

test-fast:
	@$(KIT) test tests helpers

test-browser:
	@$(KIT) test-browser

# A real JupyterHub on 127.0.0.1 (hub venv, configurable-http-proxy from npm, git daemon):
# needs the package registries and about 1.1 GB, so it is not part of `make test`.
test-hub:
	@$(KIT) install --test
	KIT_OFFLINE=1 PYTHAINLP_OFFLINE=1 PYTHAINLP_READ_ONLY=1 MPLBACKEND=Agg $(BIN)/python -m pytest -p no:xdist -p no:nbval tests/hub -m hub --hub-setup

site:
	@$(KIT) site

doctor:
	@$(KIT) doctor

install:
	@$(KIT) install

wheelhouse:
	@$(KIT) wheelhouse $(DIR)

lock-check:
	@$(KIT) install
	$(BIN)/python scripts/check_lock_platforms.py

bench:
	@$(KIT) install
	KIT_OFFLINE=1 PYTHAINLP_OFFLINE=1 PYTHAINLP_READ_ONLY=1 MPLBACKEND=Agg $(BIN)/python bench/notebooks.py
	KIT_OFFLINE=1 PYTHAINLP_OFFLINE=1 PYTHAINLP_READ_ONLY=1 MPLBACKEND=Agg $(BIN)/python bench/clean.py
	KIT_OFFLINE=1 PYTHAINLP_OFFLINE=1 PYTHAINLP_READ_ONLY=1 MPLBACKEND=Agg $(BIN)/python bench/portal.py

# Mutation testing (maintainers; about an hour on 2 cores): how many deliberate bugs the tests
# catch in each module of scripts/mutation.py's MODULES.  Installs mutmut into .venv if missing.
mutation:
	@$(KIT) install --test
	$(BIN)/python scripts/mutation.py --survivors build/mutation-survivors.txt

# Re-create both locks (needs the package registry).  They are universal: valid on Linux, macOS
# and Windows for every supported Python.  The test lock is compiled with the runtime lock as
# constraints, so the two agree on every shared package (tests/test_environment_files.py checks).
UV := /tmp/kit-lock-venv/bin/uv
lock:
	python3 -m venv /tmp/kit-lock-venv && /tmp/kit-lock-venv/bin/pip install --quiet uv
	$(UV) pip compile pyproject.toml --universal --python-version 3.11 --no-header -o requirements.lock
	$(UV) pip compile pyproject.toml --extra test --universal --python-version 3.11 --no-header \
	  -c requirements.lock -o requirements-test.lock

# Rebuild the bundled data in order (maintainers): the real files from the shared folder
# (SHARED=../shared; their sha256 is checked), the province codes (needs pycountry), the
# checkpoints (the real files cleaned with helpers.recipes), then datapackage.json and the
# generated part of data/README.md.  Every step is deterministic.
SHARED ?= ../shared
data:
	@$(KIT) install
	$(BIN)/python scripts/make_real_data.py --shared $(SHARED)
	$(BIN)/python -m pip install --quiet pycountry && $(BIN)/python scripts/make_province_codes.py
	$(BIN)/python scripts/make_catalog_snapshot.py
	$(BIN)/python scripts/make_checkpoints.py
	$(BIN)/python scripts/update_datapackage.py

sync:
	@$(KIT) install
	$(BIN)/python scripts/sync_notebooks.py

clean-venv:
	rm -rf .venv
