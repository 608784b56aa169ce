"""The workflow's withdraw: a reporter takes back a submission no editor has taken yet

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06

PostgreSQL only: ``newsroom_transition`` (0004) learns the action ``withdraw`` (submitted →
draft), which only the article's owner may take, editors included, as core/workflow_rules.py
says. A store file has nothing to change: its rules live in the app.
"""

from __future__ import annotations

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

_RETURN_CASE = (
    "    WHEN 'return' THEN sources := '{{submitted,editing,ready}}'; target := 'draft';\n"
)
_WITHDRAW_CASE = (
    "    WHEN 'withdraw' THEN sources := '{{submitted}}'; target := 'draft'; owner_may := true;\n"
)
_OWNER_CHECK = (
    "  ELSIF NOT editor AND art.owner_id IS DISTINCT FROM me.id THEN code := 'workflow_owner';\n"
)
_WITHDRAW_OWNER_CHECK = (
    "  ELSIF p_action = 'withdraw' AND art.owner_id IS DISTINCT FROM me.id\n"
    "  THEN code := 'workflow_owner';\n"
)


def transition_function(*, withdraw: bool) -> str:
    """Return 0004's newsroom_transition as CREATE OR REPLACE, with or without withdraw."""
    security = importlib.import_module(
        "newsroom_desktop.core.migrations.versions.0004_server_security"
    )
    function: str = security.TRANSITION.replace(
        "CREATE FUNCTION newsroom_transition", "CREATE OR REPLACE FUNCTION newsroom_transition"
    )
    assert _RETURN_CASE in function
    assert _OWNER_CHECK in function
    if not withdraw:
        return function
    return function.replace(_RETURN_CASE, _RETURN_CASE + _WITHDRAW_CASE).replace(
        _OWNER_CHECK, _OWNER_CHECK + _WITHDRAW_OWNER_CHECK
    )


def _schema() -> str:
    schema = op.get_bind().execute(sa.text("SELECT current_schema()")).scalar_one()
    return '"' + str(schema).replace('"', '""') + '"'


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(transition_function(withdraw=True).format(schema=_schema()))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(transition_function(withdraw=False).format(schema=_schema()))
