"""Words to say or show to agents (data/phrases.yml), and their audio (no MkDocs import)."""
