# Two commands for everyone: `make lab` opens the kit, `make test` checks all of it.
# Both create .venv on first use and reinstall only when requirements.lock or pyproject.toml change.

VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
TESTENV := KIT_OFFLINE=1 PYTHAINLP_OFFLINE=1 PYTHAINLP_READ_ONLY=1 MPLBACKEND=Agg
JOBS    ?= 2
# Jupyter refuses to run as root (containers, some lab PCs) unless told it is deliberate.
ROOTFLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: lab test test-fast test-browser bench lock data sync doctor clean-venv help

help:
	@echo "make lab        เปิด JupyterLab ที่โน้ตบุ๊กต้อนรับ (open JupyterLab on the welcome notebook)"
	@echo "make test       ทดสอบทุกอย่าง: unit tests, doctests, nbval (run every test)"
	@echo "make test-browser  ทดสอบในเบราว์เซอร์จริง (headless Chromium)"
	@echo "make bench      วัดเวลาและหน่วยความจำ (benchmarks)"
	@echo "make lock       สร้าง requirements.lock ใหม่จาก pyproject.toml"
	@echo "make doctor     ตรวจความพร้อมของเครื่อง (environment check)"

$(STAMP): requirements.lock pyproject.toml
	@PY=$$(sh scripts/find_python.sh) || exit 1; \
	  if [ ! -x $(BIN)/python ]; then echo "สร้าง .venv ด้วย $$PY ..."; $$PY -m venv $(VENV) || exit 1; fi
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

lab: $(STAMP)
	cd notebooks && ../$(BIN)/jupyter lab $(ROOTFLAG) 00_welcome.ipynb

test: $(STAMP)
	$(TESTENV) $(BIN)/python -m pytest -n $(JOBS) --dist loadfile

test-fast: $(STAMP)
	$(TESTENV) $(BIN)/python -m pytest -n $(JOBS) --dist loadfile tests helpers

test-browser: $(STAMP)
	$(TESTENV) $(BIN)/python -m pytest -p no:xdist tests/browser -m browser --browser-setup

bench: $(STAMP)
	$(TESTENV) $(BIN)/python bench/notebooks.py
	$(TESTENV) $(BIN)/python bench/clean.py
	$(TESTENV) $(BIN)/python bench/portal.py

# Re-create the lock (needs the network to PyPI).  The lock is universal: valid on Linux, macOS
# and Windows for Python 3.11 and newer.
lock:
	python3 -m venv /tmp/kit-lock-venv && /tmp/kit-lock-venv/bin/pip install --quiet uv
	/tmp/kit-lock-venv/bin/uv pip compile pyproject.toml --extra test --universal \
	  --python-version 3.11 --no-header -o requirements.lock

# Rebuild the bundled data in order: practice files, the catalogue snapshot, checkpoints (cleaned
# with helpers.clean), then datapackage.json with fresh sha256 hashes.  Every step is deterministic.
data: $(STAMP)
	$(BIN)/python scripts/make_practice_data.py
	$(BIN)/python scripts/make_catalog_snapshot.py
	$(BIN)/python scripts/make_checkpoints.py
	$(BIN)/python scripts/update_datapackage.py

sync: $(STAMP)
	$(BIN)/python scripts/sync_notebooks.py

doctor: $(STAMP)
	$(BIN)/python -m helpers.doctor

clean-venv:
	rm -rf $(VENV)
