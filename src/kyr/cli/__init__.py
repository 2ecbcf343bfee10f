"""The `kyr` command: one module per group of verbs."""
