import QtQuick
import QtQuick.Controls
import QtQuick.Controls.Material
import Punctum.Common

// Before and after under one vertical divider (UI.md "Photo compare"): the before photo on
// the left of the divider, the after photo (aligned into the before frame by C++) on its
// right. Drag the divider, click where it should go, or focus the slider and use Left/Right
// (Home/End for the ends).
Item {
    id: slider
    property url beforeSource
    property url afterSource
    property string beforeLabel
    property string afterLabel
    // Where the divider sits, 0 (all after) .. 1 (all before), across the picture.
    property real position: 0.5
    // One arrow key press moves the divider this share of the picture.
    property real step: 0.05

    function clamp(p) { return Math.max(0, Math.min(1, p)) }
    function moveBy(delta) { position = clamp(position + delta) }
    // `x` in the slider's own coordinates; the picture may not fill the slider.
    function moveTo(x) {
        if (picture.width > 0)
            position = clamp((x - picture.x) / picture.width)
    }
    readonly property real dividerX: picture.x + picture.width * position

    implicitWidth: Theme.base * 40
    implicitHeight: Theme.base * 30
    activeFocusOnTab: true
    Accessible.role: Accessible.Slider
    Accessible.name: qsTr("Divider between before (%1) and after (%2), at %3 percent. Use the left and right arrow keys to move it.")
                     .arg(beforeLabel).arg(afterLabel).arg(Math.round(position * 100))
    Keys.onLeftPressed: moveBy(-step)
    Keys.onRightPressed: moveBy(step)
    Keys.onPressed: (event) => {
        if (event.key === Qt.Key_Home) { position = 0; event.accepted = true }
        else if (event.key === Qt.Key_End) { position = 1; event.accepted = true }
    }

    Image {
        id: beforeImage
        anchors.fill: parent
        source: slider.beforeSource
        fillMode: Image.PreserveAspectFit
        asynchronous: false
    }
    // Where the before photo is painted; the after photo is drawn into the same rectangle.
    Item {
        id: picture
        x: (slider.width - beforeImage.paintedWidth) / 2
        y: (slider.height - beforeImage.paintedHeight) / 2
        width: beforeImage.paintedWidth
        height: beforeImage.paintedHeight

        Item {
            id: afterClip
            x: picture.width * slider.position
            width: picture.width - x
            height: picture.height
            clip: true
            Image {
                x: -afterClip.x
                width: picture.width
                height: picture.height
                source: slider.afterSource
                fillMode: Image.PreserveAspectFit
                asynchronous: false
            }
        }
        Rectangle {
            // The divider: white with a dark edge so it shows on any skin.
            objectName: "compareDivider"
            x: afterClip.x - width / 2
            width: 3
            height: picture.height
            color: "white"
            border.color: "#99000000"
            border.width: 1
        }
        Rectangle {
            x: afterClip.x - width / 2
            y: (picture.height - height) / 2
            width: Theme.base * 2
            height: width
            radius: width / 2
            color: "white"
            border.color: slider.activeFocus ? slider.Material.accent : "#99000000"
            border.width: slider.activeFocus ? 3 : 1
            Label {
                anchors.centerIn: parent
                text: "\u2194"
                color: "#212121"
            }
        }
        PhotoChip {
            x: Theme.unit
            y: Theme.unit
            text: slider.beforeLabel
            visible: text.length > 0
        }
        PhotoChip {
            x: picture.width - width - Theme.unit
            y: Theme.unit
            text: slider.afterLabel
            visible: text.length > 0
        }
    }

    MouseArea {
        anchors.fill: parent
        cursorShape: Qt.SplitHCursor
        onPressed: (mouse) => { slider.forceActiveFocus(); slider.moveTo(mouse.x) }
        onPositionChanged: (mouse) => { if (pressed) slider.moveTo(mouse.x) }
    }

    Rectangle {
        // Visible keyboard focus.
        anchors.fill: parent
        color: "transparent"
        border.width: 2
        border.color: slider.Material.accent
        visible: slider.activeFocus
        radius: 4
    }
}
