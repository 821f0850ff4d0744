import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Punctum.Common

// A rectangle the user places over a photo to measure it: drag it to move, drag its corner
// to resize; with focus, the arrow keys move it and Shift+arrows resize it. Its area is
// `region`, in fractions of the parent (the painted picture), so C++ maps it to pixels.
Item {
    id: box
    property rect region: Qt.rect(0.35, 0.35, 0.3, 0.3)
    property string label
    property bool dashed: false
    readonly property real minSize: 0.03
    readonly property real keyStep: 0.01

    function clampRegion(r) {
        const w = Math.max(minSize, Math.min(1, r.width)), h = Math.max(minSize, Math.min(1, r.height))
        return Qt.rect(Math.max(0, Math.min(1 - w, r.x)), Math.max(0, Math.min(1 - h, r.y)), w, h)
    }
    function moveBy(dx, dy) { region = clampRegion(Qt.rect(region.x + dx, region.y + dy, region.width, region.height)) }
    function resizeBy(dw, dh) { region = clampRegion(Qt.rect(region.x, region.y, region.width + dw, region.height + dh)) }

    x: parent ? region.x * parent.width : 0
    y: parent ? region.y * parent.height : 0
    width: parent ? region.width * parent.width : 0
    height: parent ? region.height * parent.height : 0
    activeFocusOnTab: true
    Accessible.role: Accessible.Graphic
    Accessible.name: qsTr("%1: arrow keys move it, Shift and arrow keys resize it").arg(label)
    Keys.onPressed: (event) => {
        const dx = event.key === Qt.Key_Left ? -keyStep : event.key === Qt.Key_Right ? keyStep : 0
        const dy = event.key === Qt.Key_Up ? -keyStep : event.key === Qt.Key_Down ? keyStep : 0
        if (dx === 0 && dy === 0)
            return
        if (event.modifiers & Qt.ShiftModifier) resizeBy(dx, dy); else moveBy(dx, dy)
        event.accepted = true
    }

    Rectangle {
        anchors.fill: parent
        color: "#33ffffff"
        border.width: box.activeFocus ? 3 : 2
        border.color: box.activeFocus ? box.Material.accent : "white"
    }
    Rectangle {
        // The dark edge under the white one, and the dashes of the reference.
        anchors.fill: parent
        anchors.margins: -1
        color: "transparent"
        border.width: 1
        border.color: "#99000000"
        visible: !box.dashed
    }
    PhotoChip {
        text: box.label
        y: box.y - height - 2 >= 0 ? -height - 2 : 2
    }
    MouseArea {
        id: body
        anchors.fill: parent
        cursorShape: Qt.SizeAllCursor
        property point start
        property rect from
        onPressed: (mouse) => { box.forceActiveFocus(); start = mapToItem(box.parent, mouse.x, mouse.y); from = box.region }
        onPositionChanged: (mouse) => {
            const p = mapToItem(box.parent, mouse.x, mouse.y)
            box.region = box.clampRegion(Qt.rect(from.x + (p.x - start.x) / box.parent.width,
                                                 from.y + (p.y - start.y) / box.parent.height, from.width, from.height))
        }
    }
    Rectangle {
        // The resize handle.
        width: Theme.unit * 2
        height: width
        x: parent.width - width / 2
        y: parent.height - height / 2
        color: "white"
        border.color: "#99000000"
        MouseArea {
            anchors.fill: parent
            anchors.margins: -Theme.unit / 2
            cursorShape: Qt.SizeFDiagCursor
            property point start
            property rect from
            onPressed: (mouse) => { box.forceActiveFocus(); start = mapToItem(box.parent, mouse.x, mouse.y); from = box.region }
            onPositionChanged: (mouse) => {
                const p = mapToItem(box.parent, mouse.x, mouse.y)
                box.region = box.clampRegion(Qt.rect(from.x, from.y, from.width + (p.x - start.x) / box.parent.width,
                                                     from.height + (p.y - start.y) / box.parent.height))
            }
        }
    }
}
