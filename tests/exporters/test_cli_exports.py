"""newsroom export: formats, --out, --json, --strict, --status, --zip, --paper, --max-side."""

from __future__ import annotations

import json

from PIL import Image

from newsroom_desktop.cli.main import main
from newsroom_desktop.exporters.manifest import MANIFEST_NAME
from tests.exporters.test_batch import new_article, set_status

# On a store file only: these act with --as/--role, which a server refuses (identity comes
# from the login there); the same exports run on the server in test_batch and test_images.


def run(store_path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--store", str(store_path), "--as", "Phương Nam", "--role", "editor", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_json_lists_files_per_article(newsroom, sample_doc, store_path, tmp_path, capsys):
    out = tmp_path / "out"
    code, stdout, _ = run(
        store_path,
        capsys,
        "export",
        sample_doc.id[:8],
        "--format",
        "html",
        "--out",
        str(out),
        "--json",
    )
    assert code == 0
    (entry,) = json.loads(stdout)
    assert entry["id"] == sample_doc.id
    assert entry["files"][0] == str(out / f"{sample_doc.slug}.html")
    assert len(entry["files"]) == 3
    assert entry["published"] is False


def test_strict_refuses_and_exits_1(newsroom, store_path, tmp_path, capsys):
    article_id = new_article(newsroom, "Thiếu sapo", lead="")
    code, stdout, _ = run(
        store_path,
        capsys,
        "export",
        article_id,
        "-f",
        "txt",
        "-o",
        str(tmp_path / "o"),
        "--strict",
        "--json",
    )
    assert code == 1
    (entry,) = json.loads(stdout)
    assert entry["code"] == "check_failed"
    assert "The lead is empty." in entry["error"]
    assert "files" not in entry


def test_status_exports_every_article_in_it_and_publishes(newsroom, store_path, tmp_path, capsys):
    ready = [new_article(newsroom, f"Sẵn sàng {n}") for n in range(2)]
    for article_id in ready:
        set_status(newsroom, article_id, "ready")
    new_article(newsroom, "Nháp")
    code, stdout, _ = run(
        store_path, capsys, "export", "--status", "ready", "-f", "md", "-o", str(tmp_path / "o")
    )
    assert code == 0
    written = sorted(p.name for p in (tmp_path / "o").iterdir() if p.name != MANIFEST_NAME)
    assert written == ["san-sang-0.md", "san-sang-1.md"]
    assert "(published)" in stdout
    assert {newsroom.articles.get(i).status for i in ready} == {"published"}


def test_package_zip_paper_and_max_side(newsroom, sample_doc, store_path, tmp_path, capsys):
    out = tmp_path / "o"
    code, _, _ = run(
        store_path,
        capsys,
        "export",
        sample_doc.id,
        "-f",
        "package",
        "-o",
        str(out),
        "--zip",
        "--max-side",
        "800",
    )
    assert code == 0
    assert (out / f"{sample_doc.slug}.zip").exists()
    code, _, _ = run(
        store_path,
        capsys,
        "export",
        sample_doc.id,
        "-f",
        "package",
        "-o",
        str(out),
        "--max-side",
        "800",
    )
    with Image.open(out / sample_doc.slug / "images" / f"{sample_doc.slug}-2.jpg") as photo:
        assert photo.size == (533, 800)
    code, _, _ = run(
        store_path,
        capsys,
        "export",
        sample_doc.id,
        "-f",
        "pdf",
        "-o",
        str(out),
        "--paper",
        "letter",
    )
    assert code == 0
    assert (out / f"{sample_doc.slug}.pdf").read_bytes().startswith(b"%PDF")


def test_usage_errors(newsroom, sample_doc, store_path, tmp_path, capsys):
    code, _, err = run(
        store_path, capsys, "export", sample_doc.id, "-f", "html", "-o", str(tmp_path), "--zip"
    )
    assert code == 2
    assert "--zip only applies" in err
    code, _, err = run(store_path, capsys, "export", "-f", "html", "-o", str(tmp_path))
    assert code == 1
    assert "no articles given" in err
    code, _, err = run(store_path, capsys, "export", "zzzz", "-f", "html", "-o", str(tmp_path))
    assert code == 1
    assert "No article with id zzzz" in err


def test_markdown_lead_in_body_follows_the_setting_and_the_flag(
    newsroom, sample_doc, store_path, tmp_path, capsys
):
    from newsroom_desktop.core.settings import Settings, save_settings

    def body(*flags: str) -> str:
        out = tmp_path / "md"
        code, _, err = run(store_path, capsys, "export", sample_doc.id, "-f", "md", "-o", str(out),
                           "--preview", *flags)  # fmt: skip
        assert code == 0, err
        return (out / f"{sample_doc.slug}.md").read_text(encoding="utf-8").split("---\n", 2)[2]

    assert body().lstrip().startswith(sample_doc.lead)  # on by default
    assert sample_doc.lead not in body("--no-lead-in-body")
    save_settings(Settings(markdown_lead_in_body=False))
    assert sample_doc.lead not in body()
