"""All settings of the application: the index's (prefix NEWSBOT_) plus Telegram's (prefix TELEGRAM_).

Read once, in the CLI, and passed down. Every setting is listed with a comment in `.env.example`.
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import NoDecode

from index.settings import IndexSettings

IdList = Annotated[list[int], NoDecode]


def _alias(name: str) -> AliasChoices:
    return AliasChoices(name, name.lower())


class Settings(IndexSettings):
    telegram_bot_token: SecretStr = Field(default=SecretStr(""), validation_alias=_alias("TELEGRAM_BOT_TOKEN"))
    telegram_allowed_user_ids: IdList = Field(
        default_factory=list, validation_alias=_alias("TELEGRAM_ALLOWED_USER_IDS")
    )
    telegram_allowed_chat_ids: IdList = Field(
        default_factory=list, validation_alias=_alias("TELEGRAM_ALLOWED_CHAT_IDS")
    )
    telegram_admin_ids: IdList = Field(default_factory=list, validation_alias=_alias("TELEGRAM_ADMIN_IDS"))
    telegram_base_url: str = Field(default="", validation_alias=_alias("TELEGRAM_BASE_URL"))
    telegram_base_file_url: str = Field(default="", validation_alias=_alias("TELEGRAM_BASE_FILE_URL"))
    telegram_mode: Literal["polling", "webhook"] = Field(default="polling", validation_alias=_alias("TELEGRAM_MODE"))
    telegram_webhook_listen: str = Field(default="127.0.0.1", validation_alias=_alias("TELEGRAM_WEBHOOK_LISTEN"))
    telegram_webhook_port: int = Field(default=8443, ge=1, le=65535, validation_alias=_alias("TELEGRAM_WEBHOOK_PORT"))
    telegram_webhook_path: str = Field(default="telegram", validation_alias=_alias("TELEGRAM_WEBHOOK_PATH"))
    telegram_webhook_url: str = Field(default="", validation_alias=_alias("TELEGRAM_WEBHOOK_URL"))
    telegram_webhook_secret: SecretStr = Field(
        default=SecretStr(""), validation_alias=_alias("TELEGRAM_WEBHOOK_SECRET")
    )
    telegram_rate_limit_per_minute: int = Field(
        default=10, ge=1, validation_alias=_alias("TELEGRAM_RATE_LIMIT_PER_MINUTE")
    )
    telegram_history_turns: int = Field(default=4, ge=0, le=20, validation_alias=_alias("TELEGRAM_HISTORY_TURNS"))
    #: a turn asked longer ago than this is no longer followed up: the chat's next message starts afresh ("Trump"
    #: the next day asks for the news on Trump, not about yesterday's story); 0 follows up turns however old
    telegram_history_minutes: float = Field(default=60.0, ge=0, validation_alias=_alias("TELEGRAM_HISTORY_MINUTES"))
    telegram_digest_interval: float = Field(default=3600.0, ge=0, validation_alias=_alias("TELEGRAM_DIGEST_INTERVAL"))
    #: where chat history, the Sources buttons' answers and rate limits live: empty = a SQLite file in the data
    #: dir; postgresql://... when several replicas share them (bot/telegram/state.py)
    telegram_state_url: SecretStr = Field(default=SecretStr(""), validation_alias=_alias("TELEGRAM_STATE_URL"))

    @field_validator("telegram_allowed_user_ids", "telegram_allowed_chat_ids", "telegram_admin_ids", mode="before")
    @classmethod
    def _id_list(cls, value: object) -> object:
        """Accept `1,2,3` (and `1 2 3`) in the environment as well as a JSON list."""
        if isinstance(value, int):
            return [value]
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                try:
                    return json.loads(text)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"expected a JSON list of Telegram ids such as [1, 2], got {value!r}") from exc
            parts = [p for p in text.replace(",", " ").split() if p]
            try:
                return [int(p) for p in parts]
            except ValueError as exc:
                raise ValueError(f"expected Telegram ids separated by commas, got {value!r}") from exc
        return value
