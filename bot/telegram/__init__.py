"""The Telegram bot: how users reach newsbot. `app.run_bot(settings, newsroom)` runs it.

app.py            build_application() and run_bot(): builder, handlers, error handler, polling or webhook
menu.py           Telegram's command menu, in the ten languages
handlers.py       questions (private chats, group mentions and replies, /ask), /sources, /latest
introduction.py   /start, /help, the hello to a group
admin.py          /add URL, documents, /stats: admins only
ingesting.py      each add a job in a thread of its own: none waits on another, shutdown waits on none
formatting.py     answers and sources as Telegram HTML; splitting at 4096 characters after entity parsing
*_texts.py        what each area says, in the ten languages (tests/bot/test_translations.py checks them all)
access.py         allowed users and chats, admins, the per-user rate limit (every reply counts)
context.py        the typed callback context: shared services and each chat's memory
state.py          history, Sources buttons' answers, rate-limit windows: SQLite file or PostgreSQL, not memory
state_backends.py the SQLite and PostgreSQL backends of state.py, and the followed feeds kept in the state
"""
