"""PyInstaller hook for PySide6.QtGui: PyInstaller's own, less the Qt plugins this app never loads.

Dropping them here, before PyInstaller follows their library dependencies, also keeps out what
only they link: QtQml/QtQuick (virtual keyboard), QtPdf (PDF image format), the EGLFS libraries,
and the build machine's GTK, cairo and pango (GTK3 platform theme, which would load them from
the folder instead of the user's system). Kept: platforms xcb, wayland, offscreen and the
Windows/macOS ones; input contexts ibus and compose (Vietnamese typing); image formats; the SVG
icon engine; the XDG portal theme; xcb GL and wayland integrations.
"""

import re

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

DROPPED = re.compile(
    r"plugins[/\\]("
    r"platforms[/\\](lib)?q(eglfs|linuxfb|minimal|minimalegl|vnc|vkkhrdisplay)\b"
    r"|egldeviceintegrations|generic"
    r"|platforminputcontexts[/\\](lib)?qtvirtualkeyboardplugin"
    r"|platformthemes[/\\](lib)?qgtk3"
    r"|imageformats[/\\](lib)?qpdf"
    r")"
)

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [(src, dest) for src, dest in binaries if not DROPPED.search(src.replace("\\", "/"))]
