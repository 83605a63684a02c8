"""The editorial workflow of the web editor (draft → in review → ready → published), tried
against decap-server's git mode, which keeps each unpublished post on a branch of its own
(cms/<collection>/<slug>) and merges it into the default branch when it is published
(decap-server src/middlewares/localGit/index.ts: persistEntry with useWorkflow,
updateUnpublishedEntryStatus, publishUnpublishedEntry), as the production backends do with
pull requests. A draft writes nothing on main; review changes only its status; publishing
puts the post's files on main."""

import subprocess
from pathlib import Path

import pytest
from officesite.cms.config import LOCAL_BACKEND_ORIGIN
from officesite.cms.site import LOCAL_WORKFLOW
from site_files import DEFAULT, LANGUAGES, OTHER
from test_browser_cms import YEAR, assert_clean, cms_trial, label, open_editor, typed

pytestmark = pytest.mark.browser

BRANCH = "main"  # mkdocs.yml extra.cms.backend.branch
SLUG = "workflow-day"


def git(project: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=project, check=True, capture_output=True, text=True).stdout


def repository(project: Path) -> None:
    git(project, "init", "-q", "-b", BRANCH)
    # decap-server commits with the repository's identity: set here, not left to the machine's
    # (a fresh CI machine has none, and git then refuses to commit).
    git(project, "config", "user.name", "Test")
    git(project, "config", "user.email", "test@127.0.0.1")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "The site")


@pytest.fixture(scope="module")
def workflow(tmp_path_factory, site_builder):
    with cms_trial(tmp_path_factory.mktemp("workflow"), site_builder, LOCAL_WORKFLOW, "git", repository) as trial:
        yield trial


def on_main(project: Path) -> list[str]:
    return [name for name in git(project, "ls-tree", "-r", "--name-only", BRANCH).splitlines() if SLUG in name]


def set_status(page, status: str) -> None:
    page.get_by_role("button", name="สถานะ:").click()
    page.get_by_role("menuitem", name=status).click()


def test_a_draft_goes_to_review_and_is_published_on_main_only_when_ready(workflow, new_context):
    project = workflow["project"]
    editor = open_editor(new_context, workflow)
    page, th, en = editor["page"], 0, 1
    typed(page.get_by_label(label("news-post.title")).nth(th), "วันทดลองขั้นตอนอนุมัติข่าว")
    typed(page.get_by_label(label("news-post.slug")).nth(th), SLUG)
    typed(page.get_by_label(label("news-post.date")).nth(th), f"{YEAR}-06-05")
    typed(page.get_by_label(label("news-post.description")).nth(th), "สรุปข่าว")
    typed(page.locator('[data-slate-editor="true"]').nth(th), "เนื้อหาข่าว")
    typed(page.get_by_label(label("news-post.title")).nth(en), "Workflow day")
    typed(page.get_by_label(label("news-post.description")).nth(en), "Summary")
    typed(page.locator('[data-slate-editor="true"]').nth(en), "Text.")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    page.wait_for_function("location.hash.includes('/entries/')", timeout=30000)
    branch = next(name.strip(" *") for name in git(project, "branch", "--list", "cms/*").splitlines())
    files = [f"docs/news/{YEAR}/{LANGUAGES.file_name(SLUG, lang)}" for lang in (DEFAULT, OTHER)]
    assert sorted(name for name in git(project, "ls-tree", "-r", "--name-only", branch).splitlines() if SLUG in name) == sorted(files)
    assert on_main(project) == [] and not (project / files[0]).exists()  # a draft: nothing on main

    set_status(page, "อยู่ระหว่างการตรวจสอบ")
    page.wait_for_function("document.body.innerText.includes('สถานะ: อยู่ระหว่างการตรวจสอบ')", timeout=30000)
    assert "pending_review" in git(project, "config", f"branch.{branch}.description") and on_main(project) == []
    set_status(page, "พร้อม")  # the supervisor approves
    page.wait_for_function("document.body.innerText.includes('สถานะ: พร้อม')", timeout=30000)
    page.get_by_role("button", name="เผยแพร่", exact=True).click()
    page.once("dialog", lambda dialog: dialog.accept())  # Decap asks "publish this entry?"
    page.get_by_text("เผยแพร่ตอนนี้", exact=True).click()
    page.wait_for_function("document.body.innerText.includes('เผยแพร่แล้ว')", timeout=30000)
    assert sorted(on_main(project)) == sorted(files) and (project / files[0]).is_file()
    assert git(project, "branch", "--list", "cms/*").strip() == ""  # merged, its branch gone
    # Decap asks for the post's unpublished version before it exists; decap-server answers 404
    # (localGit unpublishedEntry), which Chromium logs: that answer, and nothing else.
    missing = f"the server responded with a status of 404 (Not Found) @ {{'url': '{LOCAL_BACKEND_ORIGIN}/api/v1'"
    editor["errors"] = [error for error in editor["errors"] if missing not in error]
    assert_clean(editor)
