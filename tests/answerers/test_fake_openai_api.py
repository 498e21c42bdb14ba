"""The fake OpenAI server keeps the real API's rules, so a client that passes here is not relying on leniency."""

from __future__ import annotations

import httpx
from langchain_openai import ChatOpenAI
from pydantic import SecretStr

from tests.fakes.openai_api import FakeOpenAI


def post(fake: FakeOpenAI, body: object, headers: dict[str, str] | None = None) -> httpx.Response:
    """POST a chat completion, authorized with the fake's key unless `headers` say otherwise."""
    headers = {"Authorization": f"Bearer {fake.api_key}"} if headers is None else headers
    return httpx.post(f"{fake.base_url}/chat/completions", json=body, headers=headers, timeout=5)


def test_a_key_is_required_when_one_is_configured(fake_openai: FakeOpenAI) -> None:
    body = {"model": "m", "messages": [{"role": "user", "content": "hi"}]}

    missing, wrong = post(fake_openai, body, {}), post(fake_openai, body, {"Authorization": "Bearer sk-wrong"})

    assert missing.status_code == wrong.status_code == 401
    assert wrong.json()["error"]["code"] == "invalid_api_key"


def test_model_and_non_empty_messages_are_required(fake_openai: FakeOpenAI) -> None:
    no_model = post(fake_openai, {"messages": [{"role": "user", "content": "hi"}]})
    no_messages = post(fake_openai, {"model": "m", "messages": []})
    bad_role = post(fake_openai, {"model": "m", "messages": [{"role": "robot", "content": "hi"}]})

    assert [r.status_code for r in (no_model, no_messages, bad_role)] == [400, 400, 400]
    error = no_messages.json()["error"]
    assert set(error) == {"message", "type", "param", "code"}
    assert error["type"] == "invalid_request_error"
    assert error["param"] == "messages"


def test_unknown_models_are_not_found_and_listed_models_are() -> None:
    with FakeOpenAI(models=["llama3.2"]) as fake:
        unknown = post(fake, {"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}]})
        listed = httpx.get(f"{fake.base_url}/models", headers={"Authorization": f"Bearer {fake.api_key}"})

    assert unknown.status_code == 404
    assert unknown.json()["error"]["code"] == "model_not_found"
    assert [m["id"] for m in listed.json()["data"]] == ["llama3.2"]


def test_an_unscripted_request_fails_loudly(fake_openai: FakeOpenAI) -> None:
    response = post(fake_openai, {"model": "m", "messages": [{"role": "user", "content": "hi"}]})

    assert response.status_code == 500
    assert "no reply enqueued" in response.json()["error"]["message"]


def test_replies_play_in_order_and_requests_are_recorded(fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue("first")
    fake_openai.enqueue("second")
    model = ChatOpenAI(base_url=fake_openai.base_url, api_key=SecretStr(fake_openai.api_key), model="m", max_retries=0)

    replies = [model.invoke("one").content, model.invoke("two").content]

    assert replies == ["first", "second"]
    assert [r.prompt for r in fake_openai.completions] == ["one", "two"]
    assert fake_openai.pending == 0


def test_streaming_replies_join_to_the_scripted_text(fake_openai: FakeOpenAI) -> None:
    fake_openai.enqueue("North Korea denied it [2].")
    model = ChatOpenAI(
        base_url=fake_openai.base_url,
        api_key=SecretStr(fake_openai.api_key),
        model="m",
        max_retries=0,
        stream_usage=True,
    )

    chunks = [chunk.content for chunk in model.stream("hi")]

    assert "".join(str(c) for c in chunks) == "North Korea denied it [2]."
    assert len([c for c in chunks if c]) > 1
    assert fake_openai.completions[-1].body["stream"] is True
