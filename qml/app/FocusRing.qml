import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material

// A visible ring around the control that has keyboard focus (UI.md principle 6): the
// Material style only tints a focused button slightly. Drawn in the overlay, above pages and
// dialogs; follows the control while lists scroll.
Rectangle {
    id: ring
    property Window window
    readonly property Item target: window ? window.activeFocusItem : null
    // Controls say whether focus came from the keyboard; other items draw their own.
    readonly property bool keyboard: target !== null && target.visualFocus === true
    property rect area: Qt.rect(0, 0, 0, 0)

    function follow() {
        if (target && parent)
            area = target.mapToItem(parent, 0, 0, target.width, target.height)
    }

    visible: keyboard && area.width > 0
    x: area.x - 3
    y: area.y - 3
    width: area.width + 6
    height: area.height + 6
    z: 10000
    radius: 4
    color: "transparent"
    border.width: 2
    border.color: Material.theme === Material.Dark ? "#80cbc4" : "#00695c"
    onTargetChanged: follow()

    Timer {
        interval: 50
        repeat: true
        running: ring.keyboard
        onTriggered: ring.follow()
    }
}
