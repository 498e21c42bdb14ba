"""Who may use the bot, how often, and that its token never reaches a log."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.telegram.access import Access, RateLimiter
from bot.telegram.app import REDACTED, build_application, install_redaction, webhook_options
from bot.telegram.state_backends import SqliteState
from index.errors import ConfigError
from tests.conftest import make_settings

ADA, EVE, ADMIN, GROUP = 101, 666, 1, -1001


def test_empty_lists_leave_the_bot_open() -> None:
    assert Access().allows(EVE, EVE)


def test_allowed_users_may_ask_anywhere_and_anyone_may_ask_in_allowed_chats() -> None:
    access = Access(allowed_user_ids=[ADA], allowed_chat_ids=[GROUP], admin_ids=[ADMIN])
    assert access.allows(ADA, ADA) and access.allows(ADA, -5)
    assert access.allows(EVE, GROUP)
    assert not access.allows(EVE, EVE) and not access.allows(EVE, -5)
    assert access.allows(ADMIN, ADMIN)  # admins are always let in
    assert access.is_admin(ADMIN) and not access.is_admin(ADA) and not access.is_admin(None)


def test_access_is_read_from_the_settings(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, telegram_allowed_user_ids="101, 102", telegram_admin_ids="1")
    access = Access.from_settings(settings)
    assert access.allowed_user_ids == {101, 102} and access.admin_ids == {1} and not access.is_open


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_limiter(per_minute: int, clock: Clock, tmp_path: Path) -> RateLimiter:
    return RateLimiter(per_minute, state=SqliteState(tmp_path / "state.sqlite3"), bucket="ask", clock=clock)


def test_rate_limit_allows_n_questions_a_minute_and_says_when_to_come_back(tmp_path: Path) -> None:
    clock = Clock()
    limiter = make_limiter(3, clock, tmp_path)
    assert all(limiter.check(ADA).allowed for _ in range(3))
    clock.now += 20
    refused = limiter.check(ADA)
    assert not refused.allowed and refused.warn and refused.retry_after_s == 40
    assert limiter.check(EVE).allowed  # per user
    clock.now += 40
    assert limiter.check(ADA).allowed


def test_a_flooding_user_is_warned_once_per_stretch(tmp_path: Path) -> None:
    clock = Clock()
    limiter = make_limiter(1, clock, tmp_path)
    limiter.check(ADA)
    verdicts = [limiter.check(ADA) for _ in range(5)]
    assert [v.warn for v in verdicts] == [True, False, False, False, False]
    clock.now += 61
    assert limiter.check(ADA).allowed
    assert limiter.check(ADA).warn  # a new stretch gets a new warning


def test_rate_limit_rejects_nonsense(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        make_limiter(0, Clock(), tmp_path)


def test_token_is_redacted_in_messages_arguments_and_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    token = "987654:REDACT-me-please"
    install_redaction(token)
    log = logging.getLogger("httpx")
    with caplog.at_level(logging.INFO, logger="httpx"):
        log.warning("HTTP Request: POST http://127.0.0.1/bot%s/getMe", token)
        try:
            raise RuntimeError(f"failed at /bot{token}/sendMessage")
        except RuntimeError:
            logging.getLogger("bot.telegram.handlers").exception("boom")
    assert token not in caplog.text
    assert f"/bot{REDACTED}/getMe" in caplog.text and f"/bot{REDACTED}/sendMessage" in caplog.text


def test_missing_token_is_a_config_error_that_says_how_to_fix_it(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN.*BotFather"):
        build_application(make_settings(tmp_path), newsroom=None)  # type: ignore[arg-type]


def test_webhook_options_join_url_and_path_and_check_the_secret(tmp_path: Path) -> None:
    settings = make_settings(
        tmp_path,
        telegram_mode="webhook",
        telegram_webhook_url="https://bot.example.org/",
        telegram_webhook_path="/hook",
        telegram_webhook_secret="s3cret_-",
        telegram_webhook_port=8443,
    )
    options = webhook_options(settings)
    assert options["webhook_url"] == "https://bot.example.org/hook"
    assert (options["url_path"], options["secret_token"], options["port"]) == ("hook", "s3cret_-", 8443)
    generated = webhook_options(make_settings(tmp_path, telegram_webhook_url="https://bot.example.org/telegram"))
    assert generated["webhook_url"] == "https://bot.example.org/telegram" and len(generated["secret_token"]) >= 32
    with pytest.raises(ConfigError, match="TELEGRAM_WEBHOOK_URL"):
        webhook_options(make_settings(tmp_path, telegram_mode="webhook"))
    with pytest.raises(ConfigError, match="TELEGRAM_WEBHOOK_SECRET"):
        webhook_options(make_settings(tmp_path, telegram_webhook_url="https://x.org", telegram_webhook_secret="a b"))
