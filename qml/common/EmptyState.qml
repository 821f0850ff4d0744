import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// What an empty list shows: what it is, and what to do next (UI.md principle 4).
ColumnLayout {
    id: empty
    property string title
    property string text
    property string actionText
    signal actionTriggered()

    spacing: Theme.unit
    Label {
        text: empty.title
        font.pixelSize: Theme.headingSize
        font.weight: Font.DemiBold
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
    }
    Label {
        text: empty.text
        wrapMode: Text.Wrap
        opacity: 0.8
        horizontalAlignment: Text.AlignHCenter
        Layout.fillWidth: true
    }
    Button {
        visible: empty.actionText.length > 0
        text: empty.actionText
        highlighted: true
        Layout.alignment: Qt.AlignHCenter
        Accessible.name: empty.actionText
        onClicked: empty.actionTriggered()
    }
}
