// Built-in sentence embedder (in progress).
