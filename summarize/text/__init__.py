"""Text by concern: reading inputs, the Markdown walker, sentences, chunks, language detection."""
