"""`newsroom proof` on a real store file: findings for people and, with --json, for scripts."""

from __future__ import annotations

import json
from pathlib import Path

from newsroom_desktop.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_proof_prints_spelling_and_style_findings(capsys, tmp_path: Path):
    store = str(tmp_path / "proof.sqlite")
    body = tmp_path / "body.md"
    body.write_text(
        "Đoàn đến Huế , gặp của của bà con. Xem [trang](https://qwzx.vn/muôns).\n\nTôi muôns đi.\n",
        encoding="utf-8",
    )
    code, out, _ = run(
        capsys, "--store", store, "new", "--headline", "Về Huế", "--body-file", str(body)
    )
    article_id = out.strip()
    assert code == 0
    code, out, _ = run(capsys, "--store", store, "proof", article_id[:8], "--json")
    assert code == 0
    data = json.loads(out)
    assert data["article"] == article_id and data["language"] == "vi"
    assert data["dictionary_missing"] == ""
    found = [(f["field"], f["rule"], f["text"]) for f in data["findings"]]
    assert found == [
        ("headline", "spelling", "Huế"),
        ("body", "spelling", "Huế"),
        ("body", "space_before_punctuation", " ,"),
        ("body", "repeated_word", "của của"),
        ("body", "spelling", "muôns"),
    ]
    text = body.read_text(encoding="utf-8")
    for f in data["findings"][1:]:
        assert text[f["offset"] : f["offset"] + f["length"]] == f["text"]
    assert "muôn" in data["findings"][-1]["suggestions"]
    code, out, _ = run(capsys, "--store", store, "proof", article_id)
    assert code == 0
    assert "body:9  spelling" in out and "“muôn”" in out


def test_proof_of_an_unknown_article_is_one_clear_error(capsys, tmp_path: Path):
    store = str(tmp_path / "proof.sqlite")
    assert run(capsys, "--store", store, "init")[0] == 0
    code, out, err = run(capsys, "--store", store, "proof", "ffffffff")
    assert code == 1 and out == ""
    assert "ffffffff" in err


def test_words_lists_adds_and_removes_newsroom_words(capsys, tmp_path: Path):
    store = str(tmp_path / "words.sqlite")
    assert run(capsys, "--store", store, "words")[1] == "No words yet.\n"
    assert run(capsys, "--store", store, "words", "add", "Cần  Thơ") == (0, "Cần Thơ\n", "")
    assert run(capsys, "--store", store, "words", "add", "Huế")[0] == 0
    code, out, _ = run(capsys, "--store", store, "words", "--json")
    assert json.loads(out) == ["Cần Thơ", "Huế"]
    code, out, _ = run(
        capsys, "--store", store, "new", "--headline", "Về Huế", "--lead", "Qua Cần Thơ."
    )
    proof = json.loads(run(capsys, "--store", store, "proof", out.strip(), "--json")[1])
    assert proof["findings"] == []
    assert run(capsys, "--store", store, "words", "remove", "Huế")[0] == 0
    code, _, err = run(capsys, "--store", store, "words", "remove", "Huế")
    assert code == 1 and "not in the newsroom dictionary" in err
    assert run(capsys, "--store", store, "words")[1] == "Cần Thơ\n"
