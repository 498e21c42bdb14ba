"""Answerers: turn a question and numbered hits into an Answer that cites [n]. Backends side by side."""

from index.answerers.base import Answerer

__all__ = ["Answerer"]
