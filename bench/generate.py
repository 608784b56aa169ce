"""Fill a store with N realistic Vietnamese articles (syllable bigrams from the sample article).

python bench/generate.py STORE [--count 100000] [--seed 7]
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import random
import re
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

from newsroom_desktop.core._writes import create_in
from newsroom_desktop.core.documents import Actor
from newsroom_desktop.core.newsroom import Newsroom

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "resources" / "samples" / "sample-article.txt"

SECTIONS = [
    "Thời sự", "Chính trị", "Kinh tế", "Xã hội", "Văn hóa", "Thể thao", "Giáo dục", "Y tế",
    "Pháp luật", "Quốc tế", "Đảng ủy trực thuộc Thành ủy", "Nông nghiệp",
]  # fmt: skip
SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
]
MIDDLE = ["Văn", "Thị", "Ngọc", "Minh", "Quốc", "Thanh", "Hữu", "Đức", "Thu", "Hoài"]
GIVEN = ["Hậu", "Nam", "Lan", "Hùng", "Dũng", "Trang", "Phương", "Tuấn", "Hà", "Linh", "Khoa", "Yến",  # noqa: E501
         "Thảo", "Bình", "Sơn", "Hạnh", "Quân", "Vy", "Đạt", "Nhung"]  # fmt: skip
PLACES = [
    "Cần Thơ", "Hà Nội", "Hải Phòng", "Đà Nẵng", "Huế", "Vĩnh Long", "Sóc Trăng", "Hậu Giang",
    "An Giang", "Kiên Giang", "Bạc Liêu", "Cà Mau", "Đồng Tháp", "Tiền Giang", "Bến Tre", "Trà Vinh",  # noqa: E501
    "Long An", "Bình Dương", "Đồng Nai", "Lâm Đồng", "Khánh Hòa", "Quảng Ninh", "Nghệ An",
    "Thanh Hóa", "Ninh Kiều", "Cái Răng", "Bình Thủy", "Ô Môn", "Thốt Nốt", "Phong Điền",
]  # fmt: skip
TOPICS = [
    "kinh tế", "đầu tư", "hạ tầng", "giao thông", "nông nghiệp", "thủy sản", "lúa gạo", "du lịch",
    "giáo dục", "y tế", "bệnh viện", "trường học", "chuyển đổi số", "môi trường", "sạt lở",
    "ngập lụt", "an ninh", "trật tự", "bóng đá", "văn nghệ", "lễ hội", "xuất khẩu", "doanh nghiệp",
    "ngân sách", "thuế", "khởi nghiệp", "công nghệ", "năng lượng", "điện mặt trời", "cầu cảng",
]  # fmt: skip

_TOKEN = re.compile(r"\w+(?:[./:]\w+)*|[,.;:…]")


class TextModel:
    """A syllable bigram model of the sample, widened with names, places and topics."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        text = SAMPLE.read_text(encoding="utf-8")
        tokens = _TOKEN.findall(text)
        self.next: dict[str, list[str]] = defaultdict(list)
        for a, b in itertools.pairwise(tokens):
            self.next[a.lower()].append(b)
        self.starts = [t for t in tokens if t[:1].isupper()]
        self.vocabulary = sorted({t.lower() for t in tokens if t.isalpha()})
        for phrase in PLACES + TOPICS:
            self.vocabulary.extend(phrase.lower().split())

    def person(self) -> str:
        r = self.rng
        return f"{r.choice(SURNAMES)} {r.choice(MIDDLE)} {r.choice(GIVEN)}"

    def sentence(self, length: int) -> str:
        r = self.rng
        word = r.choice(self.starts)
        out = [word]
        while len(out) < length:
            roll = r.random()
            if roll < 0.06:
                out.extend(r.choice(PLACES).split())
            elif roll < 0.10:
                out.extend(r.choice(TOPICS).split())
            elif roll < 0.12:
                out.extend(self.person().split())
            else:
                choices = self.next.get(word.lower())
                word = r.choice(choices) if choices else r.choice(self.starts)
                if word in ",.;:…" and (not out or out[-1] in ",.;:…"):
                    continue
                out.append(word)
            word = out[-1]
        text = " ".join(out).replace(" ,", ",").replace(" .", ".").replace(" ;", ";")
        text = text.replace(" :", ":").replace(" …", "…").rstrip(",.;:… ")
        return text[0].upper() + text[1:] + "."

    def paragraph(self) -> str:
        return " ".join(
            self.sentence(self.rng.randint(15, 35)) for _ in range(self.rng.randint(2, 4))
        )

    def article(self) -> dict[str, object]:
        r = self.rng
        headline = self.sentence(r.randint(8, 16)).rstrip(".")
        paragraphs = [self.paragraph() for _ in range(r.randint(4, 9))]
        if r.random() < 0.3:
            paragraphs.insert(r.randint(1, len(paragraphs)), f"## {self.sentence(6).rstrip('.')}")
        return {
            "headline": headline,
            "section": r.choice(SECTIONS),
            "lead": self.sentence(r.randint(25, 45)),
            "body": "\n\n".join(paragraphs),
            "byline": self.person(),
            "tags": r.sample(PLACES, 1) + r.sample(TOPICS, r.randint(0, 2)),
        }


def make_batch(job: tuple[int, int, int]) -> list[dict[str, object]]:
    """Return ``size`` generated articles for batch ``index`` (deterministic per seed)."""
    seed, index, size = job
    rng = random.Random(seed * 1_000_003 + index)
    model = TextModel(rng)
    return [model.article() for _ in range(size)]


def generate(store: Path, count: int, seed: int = 7, batch: int = 2000) -> float:
    """Create ``count`` articles in ``store`` through the core; return the seconds it took.

    Text is generated in a second process while this one writes, as two cores allow.
    """
    rng = random.Random(seed)
    reporters = [Actor(TextModel(rng).person(), "reporter") for _ in range(40)]
    nr = Newsroom.open(store, actor=reporters[0])
    start = time.perf_counter()
    base = datetime(2021, 1, 1, tzinfo=UTC)
    jobs = [(seed, i, min(batch, count - i * batch)) for i in range((count + batch - 1) // batch)]
    done = 0
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        for articles in pool.imap(make_batch, jobs):
            with nr.store.write() as session:
                for fields in articles:
                    nr.ctx.actor = reporters[done % len(reporters)]
                    when = base + timedelta(minutes=37 * done + done % 29)
                    create_in(session, nr.ctx, fields, created_at=when, updated_at=when)
                    done += 1
            print(f"\r{done}/{count} articles", end="", file=sys.stderr, flush=True)
    elapsed = time.perf_counter() - start
    print(file=sys.stderr)
    nr.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("store", type=Path)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    elapsed = generate(args.store, args.count, args.seed)
    print(f"created {args.count} articles in {elapsed:.1f} s ({args.count / elapsed:.0f}/s)")


if __name__ == "__main__":
    main()
