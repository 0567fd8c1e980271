import markdown
from helpers import build_project, copy_project

from policydocs.core.pageurls import generated_href


def test_generated_links_lose_their_mark_and_nothing_else() -> None:
    href = generated_href("pillars/data.md", "en", "white-papers/a.md", "ja") + "#p-1"
    assert href == "resolved:../../../white-papers/a/#p-1"
    html = markdown.markdown(f"[A]({href}) and [B](resolved-not/) and [C](https://x.example/)",
                             extensions=["policydocs.extensions.resolvedlinks"])
    assert 'href="../../../white-papers/a/#p-1"' in html
    assert 'href="resolved-not/"' in html and 'href="https://x.example/"' in html


def test_a_config_without_the_extensions_of_generated_pages_is_refused(tmp_path) -> None:
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text("\n".join(line for line in text.splitlines()
                                if "policydocs.extensions.resolvedlinks" not in line
                                and "policydocs.extensions.prebuilthtml" not in line) + "\n", encoding="utf-8")
    done = build_project(project)
    assert done.returncode != 0
    assert ("markdown_extensions lacks policydocs.extensions.resolvedlinks, policydocs.extensions.prebuilthtml"
            in done.stdout + done.stderr)
    assert "Traceback" not in done.stdout + done.stderr
