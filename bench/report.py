"""The figures as Markdown for the template README, and the growth plot."""

from datetime import date

from harness import TEMPLATE_DIR

from .common import median, spread, write_between
from .serving import VISITORS

README = TEMPLATE_DIR / "README.md"
PLOT = TEMPLATE_DIR / "docs" / "session-growth.png"
MARKERS = ("<!-- bench:start -->", "<!-- bench:end -->")


def rate(figures):
    rps = figures["rps"]
    return f"{rps['median']:.0f} ±{rps['spread']:.0f}"


def latency(figures):
    return f"{figures['p50']['median']:.1f} / {figures['p99']['median']:.1f} ms"


def load_table(load_figures, stores):
    scenarios = list(next(iter(load_figures.values())))
    head = " | ".join(f"{name}: req/s | p50 / p99" for name in scenarios)
    lines = [
        f"| Engine | Sessions in | {head} |",
        "|---|---|" + "---|---|" * len(scenarios),
    ]
    for engine, by_scenario in load_figures.items():
        cells = " | ".join(
            f"{rate(figures)} | {latency(figures)}" for figures in by_scenario.values()
        )
        lines.append(f"| `{engine}` | {stores[engine]} | {cells} |")
    return lines


def side_by_side_table(results, seconds):
    ours, naive, ceiling = (results[name]["rps"]["median"] for name in results)
    lines = [
        "| View | req/s | p50 / p99 | against the tutorial's | against the ceiling |"
    ]
    lines.append("|---|---|---|---|---|")
    for name, figures in results.items():
        rps = figures["rps"]["median"]
        lines.append(
            f"| {name} | {rate(figures)} | {latency(figures)} "
            f"| {rps / naive:.2f}× | {rps / ceiling:.2f}× |"
        )
    verdict = "met" if ours >= 0.9 * naive else "NOT met"
    lines += [
        "",
        f"Goal: our add-to-cart at least 0.9× the tutorial's throughput: {verdict} "
        f"({ours / naive:.2f}×). Ours checks CSRF, validates the name and takes the "
        "session's lock, and answers with a redirect; the tutorial's renders the cart, "
        "and its list grows with every request: to about "
        f"{10 + naive * seconds / VISITORS:.0f} items a visitor by the end of a run, "
        "which slows it as the run goes on.",
    ]
    return lines


def items(count):
    return f"{count} item" if int(count) == 1 else f"{count} items"


def growth_table(growth):
    sizes = list(next(iter(growth.values())))
    lines = [
        "| Engine | " + " | ".join(items(size) for size in sizes) + " |",
        "|---|" + "---|" * len(sizes),
    ]
    for engine, by_size in growth.items():
        cells = " | ".join(
            f"{median(by_size[size]['seconds']) * 1000:.2f} "
            f"±{spread(by_size[size]['seconds']) * 1000:.2f} ms"
            for size in sizes
        )
        lines.append(f"| `{engine}` | {cells} |")
    signed = growth.get("signed_cookies")
    if signed:
        sizes_bytes = {size: signed[size]["cookie_bytes"] for size in sizes}
        per_item = (sizes_bytes[sizes[-1]] - sizes_bytes[sizes[0]]) / (
            int(sizes[-1]) - int(sizes[0])
        )
        lines += [
            "",
            "Signed-cookie size: "
            + ", ".join(f"{items(size)}: {size_bytes} bytes"
                        for size, size_bytes in sizes_bytes.items())
            + f"; about {per_item:.1f} bytes per item. Browsers drop cookies over 4096 "
            "bytes, so the project refuses a change that would pass that.",
        ]  # fmt: skip
    return lines


def plot(growth, stores):
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(8, 5), dpi=100)
    for engine, by_size in growth.items():
        sizes = [int(size) for size in by_size]
        milliseconds = [median(values["seconds"]) * 1000 for values in by_size.values()]
        errors = [spread(values["seconds"]) * 1000 for values in by_size.values()]
        label = f"{engine} ({stores[engine]})"
        axes.errorbar(sizes, milliseconds, yerr=errors, marker="o", label=label)
    axes.set(
        xscale="log",
        yscale="log",
        xlabel="items in the cart",
        ylabel="load, change and save of a session (ms)",
        title="Session cost against cart size",
    )
    axes.grid(True, which="both", alpha=0.3)
    axes.legend(loc="upper left", bbox_to_anchor=(1.02, 1))
    PLOT.parent.mkdir(exist_ok=True)
    figure.savefig(PLOT, bbox_inches="tight")


def seconds(figures):
    return f"{figures['median']:.2f} s (±{figures['spread']:.2f})"


def generation_lines(generation):
    ours, django = generation["cookiecutter"], generation["startproject"]
    start, no_hooks = generation["cookiecutter_start"], generation["no_hooks"]
    rendering = no_hooks["median"] - start["median"]
    hooks = ours["median"] - no_hooks["median"]
    return [
        f"`cookiecutter --no-input` takes {seconds(ours)}, `django-admin "
        f"startproject` {seconds(django)}: "
        f"{ours['median'] / django['median']:.1f}× as long, both from one environment, "
        f"interleaved. Of that, cookiecutter starting up takes {seconds(start)} "
        f"(`cookiecutter --version`: {start['median'] / django['median']:.1f}× "
        f"`startproject` by itself), rendering the files {rendering:.2f} s and the "
        f"two hooks {hooks:.2f} s (medians, and the differences between them).",
        f"Goal: at most 1.5× `startproject`: "
        f"{'met' if ours['median'] <= 1.5 * django['median'] else 'missed'}.",
    ]


def section(machine, runs, load_figures, stores, side_by_side, growth, generation):
    """runs: (how many load runs, seconds each)."""
    repeat, seconds = runs
    lines = [
        f"Measured {date.today()} on {machine}, by `python -m bench`: gunicorn with "
        f"2 workers; wrk with {VISITORS} connections, each a visitor with a 10-item "
        f"cart of its own, new for each of {repeat} runs of {seconds} s; medians.",
        "",
        "**Under load.** Requests per second, ± half the range of the runs, and "
        "median latencies. The gap between *no session* and an engine's figures is "
        "what the engine itself costs.",
        "",
        *load_table(load_figures, stores),
        "",
        "**Our cart against the tutorial's**, on the `db` engine and SQLite:",
        "",
        *side_by_side_table(side_by_side, seconds),
        "",
        "**As the cart grows.** One session loaded, changed and saved, in-process, "
        "median per operation:",
        "",
        *growth_table(growth),
        "",
        "![Session cost against cart size](docs/session-growth.png)",
        "",
        "**Generating a project.** " + " ".join(generation_lines(generation)),
    ]
    return "\n".join(lines)


def write_into_readme(text):
    write_between(README, MARKERS, text)
