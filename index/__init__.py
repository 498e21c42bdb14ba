"""newsbot's index: articles in, sourced answers out. Knows nothing of Telegram.

Data flows one way, and the module names follow it:

    loading -> cleaning -> chunking -> embedders -> store -> retrieval -> answerers -> chain

`index.newsroom.Newsroom` is the facade the CLI and the bot use.
"""
