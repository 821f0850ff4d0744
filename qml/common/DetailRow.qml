import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// "Device    SkinPen Precision": a label and its value; hidden when the value is empty.
RowLayout {
    id: row
    property string label
    property string value
    property string emptyText
    visible: value.length > 0 || emptyText.length > 0
    spacing: Theme.unit * 2
    Label {
        text: row.label
        opacity: 0.75
        Layout.preferredWidth: Theme.base * 11
        Layout.alignment: Qt.AlignTop
        wrapMode: Text.Wrap
    }
    Label {
        text: row.value.length > 0 ? row.value : row.emptyText
        opacity: row.value.length > 0 ? 1 : 0.7
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
