import QtQuick
import QtQuick.Controls
import Punctum.Common

// A label laid over a photo: white on a dark backing, readable on any skin tone.
Rectangle {
    id: chip
    property string text
    implicitWidth: label.implicitWidth + Theme.unit * 2
    implicitHeight: label.implicitHeight + Theme.unit
    width: implicitWidth
    height: implicitHeight
    radius: 4
    color: "#cc000000"
    Label {
        id: label
        anchors.centerIn: parent
        text: chip.text
        color: "white"
        font.pixelSize: Theme.smallSize
    }
}
