"""Compile each theme template once per build, not once per language.

MkDocs gives every language build a new Jinja environment, which compiles Material's templates
again. This in-memory bytecode cache is shared by those environments. Jinja checks each entry
against its template's source checksum; the key also holds every environment setting that
changes compiled code, so environments set up differently never share an entry.
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


def compile_settings(env: Environment) -> str | None:
    """What of `env` shapes compiled code, or None when it cannot be told safely."""
    if not isinstance(env.autoescape, bool) or env.is_async:
        return None
    return repr(
        (
            sorted(env.extensions),
            env.block_start_string,
            env.block_end_string,
            env.variable_start_string,
            env.variable_end_string,
            env.comment_start_string,
            env.comment_end_string,
            env.line_statement_prefix,
            env.line_comment_prefix,
            env.trim_blocks,
            env.lstrip_blocks,
            env.newline_sequence,
            env.keep_trailing_newline,
            env.optimized,
            env.autoescape,
            env.finalize is None,
        )
    )


class SharedTemplateCache(BytecodeCache):
    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def install(self, env: Environment) -> None:
        if compile_settings(env) is not None:
            env.bytecode_cache = self

    def get_bucket(
        self, environment: Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        key = f"{self.get_cache_key(name, filename)}:{compile_settings(environment)}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
