"""Links built by helpers.env: nbgitpuller for any git host, with or without ``.git``."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import env

NAME = st.from_regex(r"[a-z][a-z0-9_-]{0,20}", fullmatch=True)
HOSTS = st.sampled_from(["github.com", "gitlab.example.ac.th", "git.example.ac.th:3000", "127.0.0.1:9418"])


def _query(link: str) -> dict[str, str]:
    parts = urlsplit(link)
    assert parts.path.endswith("/hub/user-redirect/git-pull")
    query = parse_qs(parts.query, strict_parsing=True)
    assert all(len(v) == 1 for v in query.values())
    return {k: v[0] for k, v in query.items()}


@given(
    scheme=st.sampled_from(["https", "http", "git"]),
    host=HOSTS,
    groups=st.lists(NAME, min_size=1, max_size=3),
    name=NAME,
    dot_git=st.booleans(),
    slash=st.booleans(),
)
def test_link_opens_the_folder_it_clones_into(scheme, host, groups, name, dot_git, slash):
    repo = f"{scheme}://{host}/{'/'.join(groups)}/{name}{'.git' if dot_git else ''}{'/' if slash else ''}"
    query = _query(env.nbgitpuller_url("https://hub.example.ac.th/", repo=repo, branch="spring-2568"))
    assert query["repo"] == repo and query["branch"] == "spring-2568"
    # nbgitpuller clones into `targetpath` when the link gives one; the lab must open the same folder.
    assert query["targetpath"] == name, "the .git suffix is not part of the folder name"
    assert query["urlpath"] == f"lab/tree/{name}/notebooks/00_welcome.ipynb"


@pytest.mark.parametrize(
    ("repo", "folder"),
    [
        ("https://github.com/thai-opendata-kit/thai-opendata-kit.git", "thai-opendata-kit"),
        ("https://gitlab.example.ac.th/faculty/stats/course-kit", "course-kit"),
        ("https://gitea.example.ac.th/teacher/kit.git/", "kit"),
        ("git@gitlab.example.ac.th:faculty/kit-2568.git", "kit-2568"),
        ("git://127.0.0.1:9418/thai-opendata-kit.git", "thai-opendata-kit"),
    ],
)
def test_any_git_host(repo, folder):
    assert env.repo_dir_name(repo) == folder
    query = _query(env.nbgitpuller_url("http://127.0.0.1:8000", "notebooks/05_clean_data.ipynb", repo=repo))
    assert query["targetpath"] == folder
    assert query["urlpath"] == f"lab/tree/{folder}/notebooks/05_clean_data.ipynb"


def test_default_link_uses_the_kit_repository():
    query = _query(env.nbgitpuller_url("https://hub.example.ac.th"))
    assert query == {
        "repo": env.REPO_URL,
        "branch": env.REPO_BRANCH,
        "targetpath": env.repo_dir_name(),
        "urlpath": f"lab/tree/{env.repo_dir_name()}/notebooks/00_welcome.ipynb",
    }


@pytest.mark.parametrize("repo", ["", "https://github.com/", "https://github.com/.git", "git@host:"])
def test_a_url_without_a_repository_name_is_refused_in_thai(repo):
    with pytest.raises(ValueError, match="อ่านชื่อ repository จากที่อยู่นี้ไม่ได้"):
        env.nbgitpuller_url("https://hub.example.ac.th", repo=repo)


def test_slug_keeps_gitlab_groups():
    assert env.repo_slug("https://gitlab.example.ac.th/a/b/c.git") == "a/b/c"
    assert env.repo_slug() == "thai-opendata-kit/thai-opendata-kit"
