"""Copy the real government files into ``data/real/`` and make the kit's one derived file.

สคริปต์สำหรับผู้ดูแลชุดเรียน: คัดลอกไฟล์ข้อมูลจริงจาก ``shared/realdata/files/`` (โฟลเดอร์ที่เก็บไฟล์จริง
พร้อมบันทึกแหล่งที่มา) มาไว้ใน ``data/real/`` โดยตรวจค่า sha256 ของต้นทางก่อนคัดลอกทุกไฟล์ แล้วสร้างสำเนา
cp874 ของไฟล์ผู้บาดเจ็บช่วงปีใหม่ 2551 สำหรับบทเรียนเรื่องการเข้ารหัสอักขระ ชุดเรียนเองไม่อ่าน shared/ ตอนใช้งาน
หรือตอนทดสอบ (ผู้เรียนไม่มีโฟลเดอร์นั้น) ใช้เฉพาะตอนสร้างข้อมูลด้วยสคริปต์นี้::

    python scripts/make_real_data.py --shared ../shared     # then scripts/update_datapackage.py

Every file is copied byte for byte (provenance in ``scripts/real_data_meta.py``).  The derived
cp874 copy is re-made from the copied UTF-8 file, so ``tests/test_real_data.py`` can check it
without ``shared/``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import runpy
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


# real_data_meta.py is a file beside this one (scripts are not a package; no sys.path edits).
REAL_FILES = runpy.run_path(str(Path(__file__).with_name("real_data_meta.py")))["REAL_FILES"]
DATA = REPO / "data"


def cp874_copy(utf8_bytes: bytes) -> bytes:
    """Re-encode a UTF-8 CSV (BOM dropped, line endings kept) as cp874, the Windows Thai code page."""
    text = utf8_bytes.decode("utf-8-sig")
    return text.encode("cp874")


def _write(target: Path, payload: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    with os.fdopen(fd, "wb") as fh:
        fh.write(payload)
    os.replace(tmp, target)


def build(shared: Path, data: Path = DATA) -> list[Path]:
    """Copy every real file (checking its recorded sha256) and write the derived ones; return them."""
    written = []
    for rel, meta in REAL_FILES.items():
        if meta["source"] is None:
            continue
        source = shared / "realdata" / "files" / meta["source"]
        payload = source.read_bytes()
        digest = hashlib.sha256(payload).hexdigest()
        if digest != meta["source_sha256"]:
            raise SystemExit(f"{source}: sha256 {digest} differs from the recorded {meta['source_sha256']}")
        _write(data / rel, payload)
        written.append(data / rel)
    for rel, meta in REAL_FILES.items():
        if meta["source"] is None:
            _write(data / rel, cp874_copy((data / meta["derived_from"]).read_bytes()))
            written.append(data / rel)
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=REPO.parent / "shared",
        help="the shared/ folder that holds realdata/ (default: ../shared)",
    )
    args = parser.parse_args(argv)
    for path in build(args.shared):
        print(f"{path.stat().st_size:>10,d}  {path.relative_to(REPO)}")
    print("next: python scripts/update_datapackage.py (or `make data`)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
