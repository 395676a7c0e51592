"""Model runtime: the registry, name resolution, and the loader that alone knows both backends."""
