"""The five map tools of the observations extension (post P, label T, arrow A, zone Z,
measure M) and their checkable actions, one tool at a time. The single-letter keys work
only while the map has the focus: typing in the table or a field never switches tools.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from omgevingsscan.ui.common import make_action
from omgevingsscan.ui.observations.annotations import ArrowTool, LabelTool, MeasureTool, ZoneTool
from omgevingsscan.ui.observations.post_tool import PostTool
from omgevingsscan.ui.tool_groups import add_tool_group

if TYPE_CHECKING:
    from omgevingsscan.ui.host import WindowHost
    from omgevingsscan.ui.observations.host import ObservationsHost


class ObservationTools:
    """The observation map tools, their actions in ``menu`` and on the toolbar."""

    def __init__(self, host: ObservationsHost, window: WindowHost, menu: QMenu) -> None:
        self.post = PostTool(host)
        self.label = LabelTool(host)
        self.arrow = ArrowTool(host)
        self.zone = ZoneTool(host)
        self.measure = MeasureTool(host)
        #: The action of each tool, by ``id(tool)``.
        self.actions: dict[int, QAction] = {}
        self.group = QActionGroup(window)
        self.group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        ctx = "ObservationsUI"
        specs = (
            (
                self.post,
                QCoreApplication.translate(ctx, "Observation &post"),
                "P",
                QCoreApplication.translate(ctx, "Place, move, aim and edit observation posts (P)"),
            ),
            (
                self.label,
                QCoreApplication.translate(ctx, "Text &label"),
                "T",
                QCoreApplication.translate(ctx, "Put a text on the map (T)"),
            ),
            (
                self.arrow,
                QCoreApplication.translate(ctx, "&Arrow"),
                "A",
                QCoreApplication.translate(ctx, "Draw an arrow (A)"),
            ),
            (
                self.zone,
                QCoreApplication.translate(ctx, "&Zone"),
                "Z",
                QCoreApplication.translate(
                    ctx, "Draw a cordon, no-parking zone, meeting point or restricted area (Z)"
                ),
            ),
            (
                self.measure,
                QCoreApplication.translate(ctx, "&Measure"),
                "M",
                QCoreApplication.translate(ctx, "Measure a distance and an area (M)"),
            ),
        )
        for tool, text, key, tip in specs:
            act = make_action(
                window,
                text,
                lambda checked, t=tool: host.use_tool(t if checked else None),
                key,
                tip,
            )
            act.setCheckable(True)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            host.canvas.addAction(act)
            self.group.addAction(act)
            self.actions[id(tool)] = act
            menu.addAction(act)
        # The post tool on the toolbar; the annotation tools behind one button (fits 1280 px).
        window.toolbar.addAction(self.actions[id(self.post)])
        self.annotate_button = add_tool_group(
            window.toolbar,
            QCoreApplication.translate(ctx, "Annotate"),
            [self.actions[id(t)] for t, *_ in specs if t is not self.post],
            "annotate-tools",
        )
