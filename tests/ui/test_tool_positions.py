"""Map tools follow the one position rule: a click outside the data is refused with a
message; one outside the study area is taken, with a warning in the status bar."""

from __future__ import annotations

from tests.ui.test_observations import click, use_post_tool


def test_post_tool_refuses_a_click_outside_the_data(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    win = window
    site = win.scan.site
    win.canvas.set_view(site.x, site.y, 2.0)
    qtbot.wait(50)
    ext = use_post_tool(win)
    messages: list[str] = []
    win.canvas.position_message.connect(messages.append)
    # 470 m east: inside the 500 m study circle, but the extract ends 240 m east.
    click(qtbot, win, site.x + 470, site.y)
    assert messages and "outside the data" in messages[-1]
    assert "outside the data" in win.statusBar().currentMessage()
    assert ext.dialog is None or not ext.dialog.isVisible()
    assert len(ext.editor.posts) == 0 if ext.editor is not None else True
    # 200 m north-west of the site: inside both; the post dialog opens.
    click(qtbot, win, site.x - 150, site.y + 130)
    qtbot.waitUntil(lambda: ext.dialog is not None and ext.dialog.isVisible(), timeout=5000)
    ext.dialog.reject()


def test_outside_the_study_area_is_a_warning(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    win = window
    site = win.scan.site
    win.canvas.set_view(site.x - 300, site.y + 300, 2.0)
    qtbot.wait(50)
    ext = use_post_tool(win)
    messages: list[str] = []
    win.canvas.position_message.connect(messages.append)
    click(qtbot, win, site.x - 600, site.y + 600)  # inside the extract, 850 m away
    assert messages and "outside the 500 m study area" in messages[-1]
    qtbot.waitUntil(lambda: ext.dialog is not None and ext.dialog.isVisible(), timeout=5000)
    ext.dialog.reject()
