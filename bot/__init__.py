"""newsbot's application: the Telegram bot and the `newsbot` command line, both over `index`."""
