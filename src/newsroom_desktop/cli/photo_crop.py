"""The command ``photos crop``: crop, turn and straighten a photo as one article uses it."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from newsroom_desktop.core.errors import ValidationError
from newsroom_desktop.core.photo_checks import TOO_NARROW, use_warnings
from newsroom_desktop.core.photos.recipe import ASPECTS, Recipe
from newsroom_desktop.core.settings import load_settings

if TYPE_CHECKING:
    from newsroom_desktop.core.newsroom import Newsroom


def register(psub: Any) -> None:
    """Add the ``crop`` action to the ``photos`` subcommand."""
    p = psub.add_parser(
        "crop",
        help="crop, turn or straighten a photo for this article (the original is kept as it is)",
    )
    p.add_argument("id")
    p.add_argument("photo_id")
    p.add_argument(
        "--aspect",
        choices=list(ASPECTS),
        default="free",
        help="keep this shape; without --box, the largest such frame in the middle",
    )
    p.add_argument(
        "--box",
        metavar="X,Y,W,H",
        help="the crop in pixels of the upright photo (after --turn), from its top left",
    )
    p.add_argument("--turn", type=int, default=0, metavar="N", help="quarter turns clockwise")
    p.add_argument(
        "--straighten", type=float, default=0.0, metavar="DEG", help="degrees, clockwise (±15)"
    )
    p.add_argument("--reset", action="store_true", help="show the whole photo again")
    p.set_defaults(handler=cmd_crop)


def _box(text: str | None) -> tuple[int, int, int, int] | None:
    if text is None:
        return None
    parts = text.split(",")
    if len(parts) != 4 or not all(part.strip().lstrip("-").isdigit() for part in parts):
        raise ValidationError(f"--box takes four whole numbers X,Y,W,H, not {text[:40]!r}.")
    x, y, w, h = (int(part) for part in parts)
    return x, y, w, h


def cmd_crop(nr: Newsroom, args: argparse.Namespace) -> int:
    article_id = nr.articles.resolve(args.id)
    use_id = nr.photos.resolve(article_id, args.photo_id)
    recipe = None
    if not args.reset:
        recipe = Recipe(_box(args.box), args.aspect, args.turn % 4, args.straighten)
    doc = nr.photos.set_recipe(article_id, use_id, recipe)
    use = doc.photo(use_id)
    assert use is not None
    width, height = use.final_size
    print(f"{use.id[:8]}  {width}x{height}")
    for warning in use_warnings(use, load_settings().min_photo_width):
        if warning.code == TOO_NARROW:
            print(f"newsroom: warning: {warning.message}", file=sys.stderr)
    return 0
