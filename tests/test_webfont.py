"""helpers.webfont: the CSS, where it is written, and a real JupyterLab serving it."""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from helpers import thaifont, webfont

THEMES = Path(sys.prefix) / "share" / "jupyter" / "lab" / "themes" / "@jupyterlab"


def _ranges(css: str) -> list[tuple[int, int]]:
    spec = re.search(r"unicode-range: ([^;]+);", css).group(1)
    out = []
    for part in spec.split(","):
        low, _, high = part.strip().removeprefix("U+").partition("-")
        out.append((int(low, 16), int(high or low, 16)))
    return out


def test_one_face_per_sarabun_file_with_its_weight_and_style():
    css = webfont.css_text()
    faces = re.findall(r'src: url\("fonts/(Sarabun-\w+)\.ttf"\) format\("truetype"\);\s+'
                       r"font-weight: (\d+);\s+font-style: (\w+);", css)  # fmt: skip
    assert len(faces) == len(thaifont.font_files()) == 16
    assert ("Sarabun-Regular", "400", "normal") in faces and ("Sarabun-BoldItalic", "700", "italic") in faces
    assert ("Sarabun-Thin", "100", "normal") in faces and ("Sarabun-ExtraBold", "800", "normal") in faces
    assert css.count("unicode-range:") == 16


def test_the_range_covers_thai_and_not_latin():
    ranges = _ranges(webfont.css_text())
    covered = lambda ch: any(low <= ord(ch) <= high for low, high in ranges)
    assert all(covered(ch) for ch in "ผู้ใหญ่ น้ำ ๒๕๖๗ ฿ ฯลฯ ๆ".replace(" ", ""))
    assert not any(covered(ch) for ch in "File Edit 0123456789 ,.;:()")
    assert not thaifont.missing_glyphs("".join(chr(c) for c in range(0x0E01, 0x0E3B) if chr(c).isprintable()))


@pytest.mark.parametrize(
    "theme", ["theme-light-extension", "theme-dark-extension", "theme-dark-high-contrast-extension"]
)
def test_jupyterlabs_own_font_lists_come_first(theme):
    text = (THEMES / theme / "index.css").read_text(encoding="utf-8")
    css = webfont.css_text()
    for var, families in webfont.JUPYTERLAB_FONTS.items():
        installed = re.search(re.escape(var) + r":([^;}]+)", text)
        assert installed, f"{var} is not in {theme}: JupyterLab changed its theme variables"
        assert installed.group(1).strip() == families, f"{var} changed in the installed JupyterLab"
        assert f'  {var}: {families}, "{webfont.CSS_FAMILY}";' in css


def test_write_custom_keeps_other_css_and_does_not_grow(tmp_path):
    folder = tmp_path / "custom"
    css = webfont.write_custom(folder)
    css.write_text("/* mine */\n" + css.read_text() + ".jp-Cell { padding: 0; }\n", encoding="utf-8")
    for _ in range(3):
        text = webfont.write_custom(folder).read_text()
    assert text.count(webfont.START) == 1 and text.startswith(webfont.START)
    assert "/* mine */" in text and text.count(".jp-Cell { padding: 0; }") == 1
    copied = sorted(p.name for p in (folder / "fonts").iterdir())
    assert copied == sorted(p.name for p in thaifont.font_files())


def test_install_merges_the_setting_into_an_existing_config(tmp_path):
    config = tmp_path / "jupyter_server_config.json"
    config.write_text(
        json.dumps({"ServerApp": {"root_dir": "/srv"}, "LabApp": {"news_url": ""}}), encoding="utf-8"
    )
    written = webfont.install(tmp_path)
    assert written == [tmp_path / "custom" / "custom.css", config]
    assert json.loads(config.read_text()) == {
        "ServerApp": {"root_dir": "/srv"},
        "LabApp": {"news_url": "", "custom_css": True},
    }
    assert webfont.START in (tmp_path / "custom" / "custom.css").read_text()


def test_command_line_install(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "helpers.webfont", "install", "--config-dir", str(tmp_path)], check=False,
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "ติดตั้งฟอนต์เว็บ Sarabun ให้ JupyterLab แล้ว" in done.stdout
    assert (tmp_path / "custom" / "fonts" / "Sarabun-Regular.ttf").is_file()


def test_lab_environment_keeps_the_users_folders_reachable(tmp_path):
    user = tmp_path / "home" / ".jupyter"
    (user / "custom").mkdir(parents=True)
    (user / "custom" / "custom.css").write_text(".mine { color: red; }\n", encoding="utf-8")
    environ = {
        "JUPYTER_CONFIG_DIR": str(user),
        "JUPYTER_CONFIG_PATH": "/etc/extra",
        "JUPYTERLAB_WORKSPACES_DIR": "/ws",
    }
    env, args = webfont.lab_environment(tmp_path / "kit", environ=environ)
    assert args == ["--LabApp.custom_css=True"]
    assert env["JUPYTER_CONFIG_DIR"] == str(tmp_path / "kit")
    assert env["JUPYTER_CONFIG_PATH"].split(os.pathsep) == [str(user), "/etc/extra"]
    assert env["JUPYTERLAB_SETTINGS_DIR"] == str(user / "lab" / "user-settings")
    assert env["JUPYTERLAB_WORKSPACES_DIR"] == "/ws", "a folder the user chose is kept"
    css = (tmp_path / "kit" / "custom" / "custom.css").read_text()
    assert css.startswith(webfont.START) and css.rstrip().endswith(".mine { color: red; }")
    webfont.lab_environment(tmp_path / "kit", environ=environ)
    assert (tmp_path / "kit" / "custom" / "custom.css").read_text() == css, "running it again changes nothing"
    # What Jupyter itself then resolves: the user's folder first, the kit's folder after it.
    probe = (
        "from jupyter_core.paths import jupyter_config_path; from jupyterlab.commands import get_user_settings_dir;"
        "import json; print(json.dumps([jupyter_config_path(), get_user_settings_dir()]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        check=False,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    search, settings = json.loads(done.stdout)
    assert search[:2] == [str(user), "/etc/extra"], "the user's config folder is read first"
    assert str(tmp_path / "kit") in search
    assert settings == str(user / "lab" / "user-settings")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_jupyterlab_serves_the_css_and_the_font(tmp_path):
    env, args = webfont.lab_environment(
        tmp_path / "kit", environ={"JUPYTER_CONFIG_DIR": str(tmp_path / "user")}
    )
    port, token = _free_port(), secrets.token_hex(16)
    (tmp_path / "root").mkdir()
    cmd = [
        sys.executable, "-m", "jupyterlab", "--no-browser", "--allow-root", "--ip=127.0.0.1", f"--port={port}",
        "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={tmp_path / 'root'}",
        "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", *args,
    ]  # fmt: skip
    run_env = {
        **os.environ,
        **env,
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt"),
        "JUPYTER_DATA_DIR": str(tmp_path / "d"),
    }
    proc = subprocess.Popen(cmd, env=run_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/lab?token={token}", timeout=10) as response:
                    page = response.read().decode()
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None and time.monotonic() < deadline, "JupyterLab did not start"
                time.sleep(0.5)
        assert '<link rel="stylesheet" href="/custom/custom.css">' in page
        with urllib.request.urlopen(f"{base}/custom/custom.css", timeout=10) as response:
            assert response.read().decode() == webfont.css_text()
        with urllib.request.urlopen(f"{base}/custom/fonts/Sarabun-Bold.ttf", timeout=10) as response:
            body = response.read()
        assert body == next(p for p in thaifont.font_files() if p.name == "Sarabun-Bold.ttf").read_bytes()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
