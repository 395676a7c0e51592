"""``python -m summarize`` runs the command line."""

from .cli import main

main()
