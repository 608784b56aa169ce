"""Builds the packaging tests share: one PyInstaller folder, one wheel and sdist, one venv."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT

SPEC = ROOT / "packaging" / "newsroom-desktop.spec"
# A cold build (empty PyInstaller cache, fresh venv) takes a few minutes on CI's 2 cores.
BUILD_TIMEOUT = 900


@dataclass(frozen=True)
class Packages:
    wheel: Path
    sdist: Path


def run(
    cmd: list[str | Path],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Run a command and fail the test with its output when it exits non-zero."""
    done = subprocess.run(  # checked below, with the output in the message
        [str(c) for c in cmd],
        check=False,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
    )
    assert done.returncode == 0, (
        f"{' '.join(map(str, cmd))} exited {done.returncode}\n"
        f"--- stdout\n{done.stdout[-4000:]}\n--- stderr\n{done.stderr[-4000:]}"
    )
    return done


def build_env() -> dict[str, str]:
    """Return the environment for build tools: the user's, without this test run's Python path."""
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    return env


def repo_resources() -> set[str]:
    """Return every file under the repository's resources/, as posix paths relative to it."""
    folder = ROOT / "resources"
    return {
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.fixture(scope="session")
def frozen_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the one-folder app with the spec; return dist/newsroom-desktop."""
    out = tmp_path_factory.mktemp("pyinstaller")
    run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", out / "dist", "--workpath", out / "build", SPEC],
        timeout=BUILD_TIMEOUT, cwd=ROOT, env=build_env(),
    )  # fmt: skip
    return out / "dist" / "newsroom-desktop"


@pytest.fixture(scope="session")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Packages:
    """Build the sdist, and the wheel from it, with ``python -m build``."""
    out = tmp_path_factory.mktemp("build")
    run([sys.executable, "-m", "build", "--outdir", out, ROOT],
        timeout=BUILD_TIMEOUT, cwd=out, env=build_env())  # fmt: skip
    (wheel,) = out.glob("newsroom_desktop-*-py3-none-any.whl")
    (sdist,) = out.glob("newsroom_desktop-*.tar.gz")
    return Packages(wheel, sdist)


@pytest.fixture(scope="session")
def wheel_venv(packages: Packages, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Install the wheel into a new venv (no system site-packages); return its bin/."""
    venv = tmp_path_factory.mktemp("venv") / "v"
    run([sys.executable, "-m", "venv", venv], timeout=BUILD_TIMEOUT, env=build_env())
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    run([bindir / "python", "-m", "pip", "install", "--quiet", packages.wheel],
        timeout=BUILD_TIMEOUT, cwd=venv, env=build_env())  # fmt: skip
    return bindir
