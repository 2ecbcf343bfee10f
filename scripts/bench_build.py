"""Build-time benchmark: synthetic bilingual sites of 25, 250 and 1000 pages per language.

For each size it builds, each in a fresh process:
  mono     the English pages only, with our plugin and templates (no i18n plugin)
  mono-es  the Spanish pages only, the same way (Spanish text is longer than English)
  bi       English + Spanish, exactly as the real site is configured
  stock    English + Spanish with the stock stack (no kyr plugin, no overrides, static-i18n's
           default settings)
and, at up to EIGHT_UP_TO pages per language (the time grows with the language count):
  eight    English, Spanish and six more (Persian, Korean, Armenian, Traditional Chinese,
           Vietnamese, Tagalog), with our plugin, as the real site configures them;
           eight/mono is that build against English alone
and reports wall seconds (best of --repeat), peak memory (max RSS) and output size. The target
is bi <= 2.0x mono; bi / (mono + mono-es) shows what building both languages together costs
beyond building each on its own; bi / stock is what our plugin and templates cost (target: 1.10,
by wall time and by the CPU time the build process used). Ratios are the median over rounds of
builds made one after the other, which a drift in this shared machine's speed affects least.
Not a test: `make bench`.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

REPO = Path(__file__).resolve().parents[1]
EN_WORDS = "you have the right to stay silent ask for a lawyer do not open the door sign nothing"
ES_WORDS = "usted tiene derecho a guardar silencio pida un abogado no abra la puerta no firme"
# Test words for the six more languages of the `eight` variant (not site content).
MORE_WORDS = {
    "fa": "شما حق دارید ساکت بمانید و وکیل بخواهید در را باز نکنید",
    "ko": "당신은 침묵할 권리가 있습니다 변호사를 요청하세요 문을 열지 마세요",
    "hy": "դուք իրավունք ունեք լռել պահանջեք փաստաբան դուռը մի բացեք",
    "zh-Hant": "您 有 權 保持 沉默 請 要求 律師 不要 開門 不要 簽名",
    "vi": "bạn có quyền giữ im lặng hãy yêu cầu luật sư đừng mở cửa",
    "tl": "may karapatan kang manahimik humingi ng abogado huwag buksan ang pinto",
}
EIGHT = ("en", "es", *MORE_WORDS)
EIGHT_UP_TO = 250  # pages per language: the eight-language variant is measured up to this


def paragraph(words: str, rng: random.Random, length: int = 60) -> str:
    vocabulary = words.split(" ")
    text = " ".join(rng.choice(vocabulary) for _ in range(length))
    return text.capitalize() + "."


def page_text(title: str, words: str, rng: random.Random) -> str:
    body = [f"---\ntitle: {title}\n---\n", f"# {title}\n"]
    for section in range(3):
        body.append(f"## {title} {section + 1}\n")
        body.append(paragraph(words, rng) + "\n")
    return "\n".join(body)


def write_site(docs: Path, pages_per_language: int, languages: tuple[str, ...]) -> None:
    """Pages in a tree of at most 10 entries per level, as a large real site would be.

    `languages` are file suffixes' languages; ("es-only",) writes Spanish pages without one."""
    rng = random.Random(pages_per_language)
    for number in range(pages_per_language):
        parts = [f"part-{number // 100}", f"section-{number // 10 % 10}", f"page-{number % 10}"]
        if pages_per_language <= 100:
            parts = parts[1:]
        stem = docs.joinpath(*parts)
        stem.parent.mkdir(parents=True, exist_ok=True)
        for lang in languages:
            suffix = "" if lang in ("en", "es-only") else f".{lang}"
            words = {"en": EN_WORDS, **MORE_WORDS}.get(lang, ES_WORDS)
            title = f"{'Page' if lang == 'en' else 'Página'} {number}"
            stem.with_name(stem.name + suffix + ".md").write_text(
                page_text(title, words, rng), encoding="utf-8"
            )
    for lang in languages:
        suffix = "" if lang in ("en", "es-only") else f".{lang}"
        (docs / f"index{suffix}.md").write_text(f"# {'Home' if lang == 'en' else 'Inicio'}\n")


def config_for(root: Path, variant: str) -> Path:
    settings = yaml_load((REPO / "mkdocs.yml").open("rb"))
    settings.pop("nav", None)
    settings["docs_dir"] = str(root / "docs")
    settings["site_dir"] = str(root / "site")
    settings["site_url"] = "https://example.org/"
    settings["strict"] = False
    plugins = settings["plugins"]
    if variant.startswith("mono"):
        plugins = [p for p in plugins if not (isinstance(p, dict) and "i18n" in p)]
    if variant == "mono-es":
        settings["theme"]["language"] = "es"
    if variant == "stock":
        plugins = [p for p in plugins if not (isinstance(p, dict) and "kyr" in p)]
        for plugin in plugins:  # static-i18n's own defaults, which kyr's settings replace
            if isinstance(plugin, dict) and "i18n" in plugin:
                plugin["i18n"].pop("reconfigure_material", None)
                plugin["i18n"].pop("reconfigure_search", None)
        settings["theme"].pop("custom_dir", None)
    # The real site's languages, as configured there (catalogs from the package): English and
    # Spanish, or all eight for the `eight` variant.
    wanted = EIGHT if variant == "eight" else ("en", "es")
    for plugin in plugins:
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = [e for e in plugin["i18n"]["languages"] if e["locale"] in wanted]
            missing = set(wanted) - {e["locale"] for e in entries}
            if missing:
                raise SystemExit(f"mkdocs.yml has no i18n entry for {sorted(missing)}")
            plugin["i18n"]["languages"] = entries
    for plugin in plugins:
        if isinstance(plugin, dict) and "kyr" in plugin:
            partial = plugin["kyr"].get("partial_languages", [])
            plugin["kyr"]["partial_languages"] = [code for code in partial if code in wanted]
            if "contacts_file" in plugin["kyr"] or (REPO / "data" / "contacts.yml").exists():
                plugin["kyr"]["contacts_file"] = str(REPO / "data" / "contacts.yml")
    settings["plugins"] = plugins
    if variant != "stock":
        settings["theme"]["custom_dir"] = str(REPO / "overrides")
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    return path


def build_once(config: Path) -> tuple[float, float, float]:
    """(seconds, peak MiB, CPU seconds) of one `mkdocs build` in its own process.

    CPU seconds (user + system) are what the build itself used: on a machine that other work
    shares, they change less than the wall time."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)]
    os.sync()  # the last build's output is on disk: each build starts from the same state
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"build failed for {config}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


VARIANTS = ("mono", "mono-es", "bi", "stock")


def measure(size: int, work: Path, repeat: int) -> dict[str, dict]:
    """Best of `repeat` builds of each variant (the least disturbed by other work).

    The variants take turns, so a slow spell of this shared machine hits them all alike."""
    configs = {}
    variants = VARIANTS + (("eight",) if size <= EIGHT_UP_TO else ())
    for variant in variants:
        root = work / f"{variant}-{size}"
        shutil.rmtree(root, ignore_errors=True)
        languages = {"mono": ("en",), "mono-es": ("es-only",), "eight": EIGHT}.get(
            variant, ("en", "es")
        )
        write_site(root / "docs", size, languages)
        configs[variant] = config_for(root, variant)
    runs: dict[str, list[tuple[float, float, float]]] = {variant: [] for variant in variants}
    for _ in range(repeat):
        for variant in variants:
            runs[variant].append(build_once(configs[variant]))
    # Ratios of builds made one after the other (one round), then the median round.
    rounds = list(zip(*(runs[variant] for variant in variants), strict=True))
    by_name = [dict(zip(variants, (run[0] for run in one), strict=True)) for one in rounds]
    cpu = [dict(zip(variants, (run[2] for run in one), strict=True)) for one in rounds]
    paired = {
        "bi/stock": statistics.median(r["bi"] / r["stock"] for r in by_name),
        "bi/stock cpu": statistics.median(r["bi"] / r["stock"] for r in cpu),
        "bi/mono": statistics.median(r["bi"] / r["mono"] for r in by_name),
        "bi/(mono+mono-es)": statistics.median(
            r["bi"] / (r["mono"] + r["mono-es"]) for r in by_name
        ),
    }
    if "eight" in variants:
        paired["eight/mono"] = statistics.median(r["eight"] / r["mono"] for r in by_name)
    results: dict[str, dict] = {"paired": paired}
    for variant, config in configs.items():
        seconds, peak, _ = min(runs[variant])
        site = config.parent / "site"
        pages = len(list(site.rglob("*.html")))
        results[variant] = {
            "seconds": seconds,
            "peak_mib": peak,
            "bytes": folder_size(site),
            "html": pages,
        }
        shutil.rmtree(config.parent)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="25,250,1000", help="pages per language")
    parser.add_argument("--repeat", type=int, default=5, help="builds per measurement (best kept)")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory(prefix="kyr-bench-") as temp:
        for size in sizes:
            result = measure(size, Path(temp), args.repeat)
            rows.append((size, result))
            print(f"measured {size} pages per language", file=sys.stderr)
    header = (
        "pages/lang | mono s | mono-es s | bi s | bi/mono | bi/(mono+mono-es) | bi ms/page | "
        "stock bi s | bi/stock | bi/stock cpu | bi peak MiB | bi output MB | KB/page"
    )
    print(header)
    print("-" * len(header))
    for size, r in rows:
        mono, mono_es, bi, stock = r["mono"], r["mono-es"], r["bi"], r["stock"]
        print(
            f"{size:>10} | {mono['seconds']:6.2f} | {mono_es['seconds']:9.2f} | "
            f"{bi['seconds']:5.2f} | {r['paired']['bi/mono']:7.2f} | "
            f"{r['paired']['bi/(mono+mono-es)']:17.2f} | "
            f"{1000 * bi['seconds'] / (2 * size):10.1f} | "
            f"{stock['seconds']:10.2f} | {r['paired']['bi/stock']:8.2f} | "
            f"{r['paired']['bi/stock cpu']:12.2f} | "
            f"{bi['peak_mib']:11.0f} | {bi['bytes'] / 1e6:12.1f} | "
            f"{bi['bytes'] / 1e3 / bi['html']:7.1f}"
        )
    eight = [(size, r) for size, r in rows if "eight" in r]
    if eight:
        print()
        header = "pages/lang | mono s | eight s | eight/mono | eight ms/page | eight peak MiB"
        print(header)
        print("-" * len(header))
        for size, r in eight:
            seconds = r["eight"]["seconds"]
            print(
                f"{size:>10} | {r['mono']['seconds']:6.2f} | {seconds:7.2f} | "
                f"{r['paired']['eight/mono']:10.2f} | {1000 * seconds / (8 * size):13.1f} | "
                f"{r['eight']['peak_mib']:14.0f}"
            )


if __name__ == "__main__":
    main()
