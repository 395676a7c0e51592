"""Translation: which model for a pair, protected spans, batched generation, whole documents."""
