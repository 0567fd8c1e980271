"""The README's two commands are the real entry points, and CI runs the same test command."""

from helpers import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line.split("#", 1)[0].strip() for line in block.splitlines() if line.strip()]


def test_readme_opens_with_serve_and_test_commands() -> None:
    assert readme_commands() == ["bash scripts/dev serve", "bash scripts/dev test"]
    assert (ROOT / "README.md").read_text(encoding="utf-8").index("```sh") < 200


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [ln.strip() for ln in ci.splitlines() if ln.strip() and not ln.startswith("#")]
    assert readme_commands()[1] in commands


def test_dependencies_are_pinned() -> None:
    for name in ("requirements.txt", "requirements-dev.txt"):
        for line in (ROOT / name).read_text().splitlines():
            line = line.split("#", 1)[0].strip()
            if line and not line.startswith("-r"):
                assert "==" in line, f"{name}: {line} is not pinned"


def test_dev_script_serves_on_loopback() -> None:
    script = (ROOT / "scripts" / "dev").read_text()
    assert "serve --strict -a 127.0.0.1:8000" in script
