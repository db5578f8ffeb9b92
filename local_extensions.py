"""Jinja filters of this template, which cookiecutter loads through `_extensions`."""

import importlib.util
import logging
from pathlib import Path

from cookiecutter.utils import simple_filter
from slugify import slugify

LONGEST_SLUG = 30


def load_answer_rules():
    """Import hooks/pre_gen_project.py, whose rules the default slug must pass."""
    path = Path(__file__).with_name("hooks") / "pre_gen_project.py"
    spec = importlib.util.spec_from_file_location("pre_gen_project", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


RULES = load_answer_rules()


class RefusedAnswersLogFilter(logging.Filter):
    """Drop cookiecutter's report that pre_gen_project refused the answers.

    The hook has printed one line per bad answer and the command to answer again;
    cookiecutter would add a traceback of its own code that says nothing more.
    """

    def filter(self, record):
        return "pre_gen_project hook script didn't exit" not in record.getMessage()


# Cookiecutter imports this module in its own process, before it asks anything.
logging.getLogger("cookiecutter.hooks").addFilter(RefusedAnswersLogFilter())


def as_project_slug(project_name):
    """Derive from a project name a slug that the answer rules accept.

    "Session Shop" gives session_shop; "24 Shop" gives project_24_shop; a name whose
    slug would shadow a module ("Test", "JSON") or be a keyword gets a "_project"
    suffix.
    """
    slug = slugify(project_name, separator="_") or "project"
    if slug[0].isdigit():
        slug = f"project_{slug}"
    slug = slug[:LONGEST_SLUG].strip("_")
    if RULES.project_slug_problem(slug):
        slug = slug[: LONGEST_SLUG - len("_project")].strip("_") + "_project"
    return slug


# What cookiecutter.json's project_slug uses: project_name | as_project_slug.
ProjectSlugFilter = simple_filter(as_project_slug)
