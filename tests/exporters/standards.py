"""Validators for the IPTC standards, from the schemas copied under tests/data/standards/."""

from __future__ import annotations

import json
from functools import cache

from jsonschema import validators
from lxml import etree
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource

from tests.exporters.conftest import STANDARDS

NITF_NS = "http://iptc.org/std/NITF/2006-10-18/"
NAR_NS = "http://iptc.org/std/nar/2006-10-01/"


@cache
def newsml_schema() -> etree.XMLSchema:
    return etree.XMLSchema(
        etree.parse(str(STANDARDS / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd"))
    )


@cache
def nitf_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(STANDARDS / "nitf" / "nitf-3-6.xsd")))


def xml_errors(schema: etree.XMLSchema, tree: etree._ElementTree) -> list[str]:
    """Return the schema's complaints about ``tree`` (empty when valid)."""
    schema.validate(tree)
    return [f"{e.line}: {e.message}" for e in schema.error_log]


def _no_network(uri: str):
    raise NoSuchResource(ref=uri)


def ninjs_errors(item: dict, version: str = "3.1") -> list[str]:
    """Return what the ninjs schema finds wrong with ``item``, offline."""
    geojson = json.loads(
        (STANDARDS / "ninjs" / "geojson" / "GeoJSON.json").read_text(encoding="utf-8")
    )
    registry = Registry(retrieve=_no_network).with_resource(
        "https://geojson.org/schema/GeoJSON.json", Resource.from_contents(geojson)
    )
    schema = json.loads(
        (STANDARDS / "ninjs" / f"ninjs-schema_{version}.json").read_text(encoding="utf-8")
    )
    validator = validators.validator_for(schema)
    checker = validator(schema, registry=registry, format_checker=validator.FORMAT_CHECKER)
    return [f"{list(e.path)}: {e.message}" for e in checker.iter_errors(item)]
