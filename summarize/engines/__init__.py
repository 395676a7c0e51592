"""Summary engines: abstractive (a seq2seq model, map-reduce) and extractive (offline, no weights)."""
